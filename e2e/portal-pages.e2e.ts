import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { test } from './fixtures/signed-in';

// Every page of the portal, in each language, passes axe-core (docs style: "every page passes axe
// with no violations"). Globex has a trial license that ends in 10 days, so the dashboard shows its
// warning badge; Initech has no expiry date and its own channel.
const languages = [
  {
    locale: 'en-US',
    lang: 'en',
    email: 'carol@globex.example',
    dashboard: ['Dashboard', 'Trial license', '10 days left'],
    pages: [
      ['Install', 'Install'],
      ['Instances', 'Instances'],
      ['Releases', 'Releases'],
      ['License', 'License'],
      ['Support', 'Support'],
      ['Team', 'Team'],
    ],
    settings: 'Settings',
  },
  {
    locale: 'de-DE',
    lang: 'de',
    email: 'dave@initech.example',
    dashboard: ['Übersicht', 'Lizenztyp: Bezahlt', 'Läuft nie ab'],
    pages: [
      ['Installation', 'Installation'],
      ['Instanzen', 'Instanzen'],
      ['Versionen', 'Versionen'],
      ['Lizenz', 'Lizenz'],
      ['Support', 'Support'],
      ['Team', 'Team'],
    ],
    settings: 'Einstellungen',
  },
] as const;

for (const language of languages) {
  describe(`in ${language.lang}`, () => {
    test.override({ locale: language.locale, user: language.email });

    test('every portal page passes axe', async ({ signedIn: { page } }) => {
      const [title, ...texts] = language.dashboard;
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      for (const text of texts) await page.getByText(text, { exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language.lang);
      await checkA11y(page);

      for (const [link, heading] of language.pages) {
        await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
        await checkA11y(page);
      }

      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: language.settings, exact: true }).waitFor();
      await checkA11y(page);
    });
  });
}
