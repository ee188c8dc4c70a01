import type { Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { test } from './fixtures/signed-in';
import { createAttempt, portalApi } from './support/installs';

// Issue 11: a phone on a train. At 390 px wide no page is wider than the screen, and the
// navigation is a labelled Menu button whose list works from the keyboard.
const PHONE = { width: 390, height: 844 };

/**
 * Whether the page scrolls sideways, and if so the elements that reach past the right edge
 * outside any region that scrolls by itself (a wide table does), so a failure says what to fix.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const scrollsItself = (element: Element) => {
      for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(at).overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !scrollsItself(element))
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}: ${element.textContent?.slice(0, 40)}`,
      );
    return [`the page is ${document.documentElement.scrollWidth} px wide`, ...culprits.slice(0, 8)];
  });

describe('on a phone', () => {
  test('no page is wider than the screen', async ({ signedIn: { page, cookie }, baseURL }) => {
    await page.setViewportSize(PHONE);
    const { attempt } = await createAttempt(baseURL, cookie, {
      method: 'embedded',
      name: 'phone-vm',
      version: '1.4.0',
      options: { network: 'online' },
    });
    // Discarded afterwards, which deletes its service account: other specs count Acme's.
    onTestFinished(async () => {
      await portalApi(baseURL, cookie, `/api/installs/${attempt.id}`, { method: 'DELETE' });
    });
    const pages: [path: string, heading: string][] = [
      ['/', 'Dashboard'],
      ['/install', 'Install'],
      ['/install/new', 'New installation'],
      [`/install/${attempt.id}`, 'phone-vm'],
      ['/instances', 'Instances'],
      ['/instances/airgap/new', 'Create air gap instance record'],
      ['/releases', 'Releases'],
      ['/license-details', 'License'],
      ['/support', 'Support'],
      ['/team', 'Team'],
      ['/team?tab=service-accounts', 'Team'],
      ['/team?tab=audit', 'Team'],
      ['/settings', 'Settings'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflowing(page), path).toEqual([]);
      await checkA11y(page);
    }
  });

  test('the navigation is a Menu button that works from the keyboard', async ({ signedIn: { page } }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Portal' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    expect(await nav.getByRole('link').count()).toBe(0);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('link').count()).toBe(7);
    await checkA11y(page);
    await page.keyboard.press('Escape');
    expect(await nav.getByRole('link').count()).toBe(0);
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Install');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Install' }).waitFor();
    expect(await nav.getByRole('link').count()).toBe(0);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });
});
