import { describe, expect, it } from 'vitest';
import { INVITE_TTL_MS } from '../../contract/team';
import { inviteEmail, joinedEmail } from './invite-email';

const input = {
  to: 'erin@acme.example',
  inviter: 'alice@acme.example',
  team: 'Acme Corp',
  title: 'Atlas',
  role: 'member' as const,
  url: 'http://portal.test/invites/accept#token=abc',
  validForMs: INVITE_TTL_MS,
};

describe('the invite email', () => {
  it('carries the link and its 7 days, in English', () => {
    const mail = inviteEmail({ ...input, locale: 'en' });
    expect(mail.subject).toBe('You are invited to Acme Corp on Atlas');
    expect(mail.text).toContain('alice@acme.example invites you to join Acme Corp on Atlas as member.');
    expect(mail.text).toContain('expires in 7 days');
    expect(mail.action).toEqual({ label: 'Accept the invitation', url: input.url });
  });

  it('and in German', () => {
    const mail = inviteEmail({ ...input, locale: 'de' });
    expect(mail.subject).toBe('Einladung zu Acme Corp bei Atlas');
    expect(mail.text).toContain('als Mitglied beizutreten');
    expect(mail.text).toContain('in 7 Tagen ab');
  });

  it('tells an admin who joined', () => {
    const mail = joinedEmail({
      to: 'alice@acme.example',
      email: 'erin@acme.example',
      team: 'Acme Corp',
      role: 'viewer',
      locale: 'de',
    });
    expect(mail.subject).toBe('erin@acme.example ist Acme Corp beigetreten');
    expect(mail.text).toContain('als Betrachter');
  });
});
