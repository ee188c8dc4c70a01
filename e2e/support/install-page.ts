import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A checkpoint of the attempt page: a read-only checkbox named after it. */
export const checkpoint = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });

/** Each checkpoint's aria-checked, in page order, e.g. { Started: 'true', 'Registry login': 'false' }. */
export async function checkpointStates(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[role="checkbox"]')].map((box) => [
        document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        box.getAttribute('aria-checked'),
      ]),
    ),
  );
}

/**
 * Waits for a checkpoint to become ticked (or not) without any reload: the page hears of it over
 * its event stream. A few seconds is generous; the bench measures the real delay.
 */
export async function expectTicked(page: Page, name: string, ticked = true, timeout = 5_000) {
  await expect
    .poll(() => checkpoint(page, name).getAttribute('aria-checked'), {
      timeout,
      interval: 50,
      message: `"${name}" aria-checked`,
    })
    .toBe(String(ticked));
}

/** The attempt's status, read from the badge in the "Progress" heading ("Progress Succeeded"). */
export async function expectStatus(page: Page, status: string, timeout = 5_000) {
  await page.getByRole('heading', { level: 2, name: `Progress ${status}`, exact: true }).waitFor({ timeout });
}

/** The page says it follows the attempt live (over server-sent events), not by polling. */
export const waitUntilLive = (page: Page) => page.getByText('Updates live as your machines report.').waitFor();

export type WizardChoices = {
  method: 'Embedded Cluster' | 'Helm';
  name: string;
  network?: string;
  version?: string;
  /** Helm only. */
  distribution?: string;
  registryAccess?: string;
};

/**
 * From /install: "New installation", the wizard filled like a user, "Start installation". Returns
 * the new attempt's id once its page shows it.
 */
export async function startInstallInWizard(page: Page, choices: WizardChoices): Promise<string> {
  await page.getByRole('link', { name: 'New installation' }).click();
  await page.getByRole('heading', { level: 1, name: 'New installation', exact: true }).waitFor();
  await page.getByRole('group', { name: 'Install method' }).getByRole('radio', { name: choices.method }).check();
  await page.getByLabel('Instance name').fill(choices.name);
  await page
    .getByRole('group', { name: 'Network' })
    .getByRole('radio', { name: choices.network ?? 'Outbound requests allowed', exact: true })
    .check();
  if (choices.distribution)
    await page.getByLabel('Kubernetes distribution').selectOption({ label: choices.distribution });
  if (choices.registryAccess)
    await page
      .getByRole('group', { name: 'Registry access' })
      .getByRole('radio', { name: choices.registryAccess, exact: true })
      .check();
  if (choices.version) await page.getByLabel('Version').selectOption(choices.version);
  await page.getByRole('button', { name: 'Start installation' }).click();
  await page.getByRole('heading', { level: 1, name: `Install: ${choices.name}`, exact: true }).waitFor();
  const id = /\/install\/([^/?#]+)$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id || id === 'new') throw new Error(`Starting the installation led to ${page.url()}, not its page.`);
  return id;
}

/** The text of a numbered step's command block ("Step 1: Download the installation assets"). */
export const stepCommands = (page: Page, title: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: title }) })
    .locator('pre');

/** Clicks a step's Copy button and returns what landed on the clipboard. */
export async function copyStep(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: `Copy the commands of “${title}”`, exact: true }).click();
  // The visible word changes and stays first in the accessible name (label in name).
  await page.getByRole('button', { name: `Copied the commands of “${title}”`, exact: true }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}
