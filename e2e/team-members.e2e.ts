import { describe, expect } from 'vitest';
import { checkA11y } from './fixtures/a11y';
import { testWithOwnServer as test } from './fixtures/own-server';
import { readInviteLink } from './support/invites';

describe('team members and invitations (issue 10)', () => {
  test.override({ user: 'alice@acme.example' });

  test('alice invites erin, erin joins from the emailed link, is promoted, then removed and refused', async ({
    signedIn: { page },
    browser,
    baseURL,
    dataDir,
  }) => {
    // alice invites erin as a member.
    await page.goto('/team');
    await page.getByRole('heading', { level: 2, name: 'Members', exact: true }).waitFor();
    await page.getByLabel('Email address').fill('erin@acme.example');
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('Invite sent to erin@acme.example.').waitFor();
    await page.getByRole('cell', { name: 'erin@acme.example', exact: true }).waitFor();
    await checkA11y(page);

    // erin accepts from the link in the outbox, in a browser of her own.
    const link = await readInviteLink(dataDir, 'erin@acme.example');
    const erinContext = await browser.newContext({ baseURL, locale: 'en-US' });
    const erin = await erinContext.newPage();
    await erin.goto(link);
    await erin.getByRole('heading', { name: 'Join the team' }).waitFor();
    await checkA11y(erin);
    await erin.getByRole('button', { name: 'Accept the invitation' }).click();
    await erin.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // As a member, erin is offered no admin actions.
    await erin.goto('/team');
    await erin.getByRole('cell', { name: 'alice@acme.example', exact: true }).waitFor();
    expect(await erin.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await erin.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await erin.getByLabel(/^Role of/).count()).toBe(0);

    // alice promotes her; erin's Team page then offers the admin actions.
    await page.reload();
    await page.getByLabel('Role of erin@acme.example').selectOption('admin');
    await expect.poll(() => page.getByLabel('Role of erin@acme.example').inputValue()).toBe('admin');
    await erin.reload();
    await erin.getByRole('heading', { name: 'Invite someone' }).waitFor();

    // alice removes her: erin's next request is refused, and the portal sends her to sign in.
    await page.getByRole('button', { name: 'Remove erin@acme.example' }).click();
    await page.getByRole('button', { name: 'Remove erin@acme.example now' }).click();
    await page.getByRole('cell', { name: 'erin@acme.example', exact: true }).waitFor({ state: 'detached' });
    const refused = await erin.request.get(`${baseURL}/api/me`);
    expect(refused.status()).toBe(401);
    await erin.reload();
    await erin.getByRole('heading', { name: 'Sign in' }).waitFor();
    await erinContext.close();
  });
});
