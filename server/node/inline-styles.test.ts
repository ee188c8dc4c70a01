import { describe, expect, it } from 'vitest';
import { BROWSER_ACCEPT, BUILT_INDEX, NOT_FOUND_CORE, startHost } from '../testing/listening-host';
import { styleSource } from './index-page';

const CSS = ':root{--brand:#4f46e5}body{margin:0}';
const withStylesheet = (name: string) =>
  BUILT_INDEX.replace('</head>', `<link rel="stylesheet" crossorigin href="/assets/${name}"></head>`);

const openPage = async (base: string) => {
  const response = await fetch(`${base}/install/abc`, { headers: { accept: BROWSER_ACCEPT } });
  return { html: await response.text(), policy: response.headers.get('content-security-policy') ?? '' };
};

describe('the build’s stylesheet in the page (decision 020)', () => {
  it('is written into the page, and the policy allows that one style by its hash', async () => {
    const base = await startHost(NOT_FOUND_CORE, {
      files: { 'index.html': withStylesheet('index-1.css'), 'assets/index-1.css': CSS },
    });
    const { html, policy } = await openPage(base);
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('rel="stylesheet"');
    expect(policy).toMatch(/style-src 'self' 'sha256-[^']+' 'sha256-[^']+';/); // the theme's and the stylesheet's
    expect(policy).toContain(styleSource(CSS));
    // The vendor's colours come after it, so they win over the stylesheet's defaults.
    expect(html.indexOf(`<style>${CSS}`)).toBeLessThan(html.lastIndexOf('<style>:root{--brand:#0f766e'));
  });

  it('stays linked when its text could end the <style> early', async () => {
    const css = 'body::after{content:"</style><script>alert(1)</script>"}';
    const base = await startHost(NOT_FOUND_CORE, {
      files: { 'index.html': withStylesheet('odd.css'), 'assets/odd.css': css },
    });
    const { html, policy } = await openPage(base);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/odd.css">');
    expect(policy).not.toContain(styleSource(css));
  });

  it('stays linked when the build lacks the file, rather than failing the page', async () => {
    const base = await startHost(NOT_FOUND_CORE, { files: { 'index.html': withStylesheet('gone.css') } });
    const { html } = await openPage(base);
    expect(html).toContain('href="/assets/gone.css"');
  });
});
