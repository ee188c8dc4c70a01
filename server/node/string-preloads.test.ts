import { describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, modulePreloadsOf, NOT_FOUND_CORE, startHost } from '../testing/listening-host';
import { likelyLocale } from './string-preloads';

describe('the language a page will most likely show', () => {
  it('is the browser’s first language when the portal has it, else English, as initialLocale picks', () => {
    expect(likelyLocale('de-DE,de;q=0.9,en-US;q=0.8')).toBe('de');
    expect(likelyLocale('DE')).toBe('de');
    expect(likelyLocale('en-GB,de;q=0.9')).toBe('en');
    expect(likelyLocale('fr-FR,de;q=0.9')).toBe('en'); // navigator.language would be fr: English
    expect(likelyLocale('*')).toBe('en');
    expect(likelyLocale('')).toBe('en');
    expect(likelyLocale(undefined)).toBe('en');
    expect(likelyLocale('d\u0000e,de')).toBe('en');
  });
});

// A build's manifest, cut down to the entries the strings' preloads read.
const manifest = {
  'index.html': { file: 'assets/index-1.js' },
  'src/locales/en/portal.json': { file: 'assets/portal-en.js' },
  'src/locales/de/portal.json': { file: 'assets/portal-de.js' },
  'src/locales/en/sign-in.json': { file: 'assets/sign-in-en.js' },
  'src/locales/de/sign-in.json': { file: 'assets/sign-in-de.js' },
};

describe('the strings a page preloads', () => {
  it('are the page’s own, in the browser’s language, whoever asks, and the answer varies by it', async () => {
    const base = await startHost(NOT_FOUND_CORE, { files: { '.vite/manifest.json': JSON.stringify(manifest) } });
    const open = (path: string, acceptLanguage?: string) =>
      fetch(`${base}${path}`, {
        headers: { accept: BROWSER_ACCEPT, ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
      });
    const german = await open('/install/0b1c', 'de-DE,de;q=0.9');
    expect(german.headers.get('vary')).toContain('Accept-Language');
    expect(modulePreloadsOf(await german.text())).toEqual(['/assets/portal-de.js']);
    expect(modulePreloadsOf(await (await open('/', 'en-US,en;q=0.9')).text())).toEqual(['/assets/portal-en.js']);
    expect(modulePreloadsOf(await (await open('/')).text())).toEqual(['/assets/portal-en.js']);
    expect(modulePreloadsOf(await (await open('/login', 'de')).text())).toEqual(['/assets/sign-in-de.js']);
    expect(modulePreloadsOf(await (await open('/login/verify', 'fr')).text())).toEqual(['/assets/sign-in-en.js']);
    // Rendered once per kind: the German page is not served to the next English browser.
    expect(modulePreloadsOf(await (await open('/install/0b1c', 'en')).text())).toEqual(['/assets/portal-en.js']);
  });

  it('are none for a build without a manifest', async () => {
    const base = await startHost(NOT_FOUND_CORE, {});
    const html = await (
      await fetch(`${base}/`, { headers: { accept: BROWSER_ACCEPT, 'accept-language': 'de' } })
    ).text();
    expect(modulePreloadsOf(html)).toEqual([]);
  });
});
