import { expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { test } from './fixtures/signed-in';

test.override({ user: 'carol@globex.example' });

test('an unknown address inside the portal says so and leads back', async ({ signedIn: { page } }) => {
  await page.goto('/no-such-page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByText('There is no page at this address.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/no-such-page');
  await checkA11y(page);

  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});
