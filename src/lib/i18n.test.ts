import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale, prepareI18n } from './i18n';

describe('the portal strings', () => {
  afterEach(() => localStorage.clear());

  it('loads only the language it shows, and the other one when the user picks it', async () => {
    const i18n = await prepareI18n('en');
    expect(i18n.t('nav.dashboard')).toBe('Dashboard');
    expect(i18n.hasResourceBundle('de', 'portal')).toBe(false);

    await changeLocale(i18n, 'de');
    expect(i18n.t('nav.dashboard')).toBe('Übersicht');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('portico.locale')).toBe('de');
  });

  it('starts in the saved language', async () => {
    localStorage.setItem('portico.locale', 'de');
    const i18n = await prepareI18n();
    expect(i18n.language).toBe('de');
    expect(i18n.t('common.copy')).toBe('Kopieren');
  });
});
