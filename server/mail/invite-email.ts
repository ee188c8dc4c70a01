import type { Locale, Role } from '../../contract/me';
import type { MailMessage } from '../deps';

const roleNames: Record<Locale, Record<Role, string>> = {
  en: { admin: 'admin', member: 'member', viewer: 'viewer' },
  de: { admin: 'Admin', member: 'Mitglied', viewer: 'Betrachter' },
};

const copy = {
  en: {
    subject: (team: string, title: string) => `You are invited to ${team} on ${title}`,
    body: (inviter: string, team: string, title: string, role: string, url: string, days: number) =>
      `Hello,\n\n${inviter} invites you to join ${team} on ${title} as ${role}.\n\n${url}\n\n` +
      `The link works once and expires in ${days} days. If you did not expect it, you can ignore this email.\n`,
    action: 'Accept the invitation',
    joinedSubject: (email: string, team: string) => `${email} joined ${team}`,
    joinedBody: (email: string, team: string, role: string) =>
      `Hello,\n\n${email} accepted the invitation and joined ${team} as ${role}.\n`,
  },
  de: {
    subject: (team: string, title: string) => `Einladung zu ${team} bei ${title}`,
    body: (inviter: string, team: string, title: string, role: string, url: string, days: number) =>
      `Hallo,\n\n${inviter} lädt Sie ein, ${team} bei ${title} als ${role} beizutreten.\n\n${url}\n\n` +
      `Der Link funktioniert einmal und läuft in ${days} Tagen ab. Wenn Sie ihn nicht erwartet haben, ignorieren Sie diese E-Mail.\n`,
    action: 'Einladung annehmen',
    joinedSubject: (email: string, team: string) => `${email} ist ${team} beigetreten`,
    joinedBody: (email: string, team: string, role: string) =>
      `Hallo,\n\n${email} hat die Einladung angenommen und ist ${team} als ${role} beigetreten.\n`,
  },
} satisfies Record<Locale, unknown>;

export type InviteEmailInput = {
  to: string;
  inviter: string;
  team: string;
  title: string;
  role: Role;
  url: string;
  locale: Locale;
  validForMs: number;
};

export function inviteEmail({
  to,
  inviter,
  team,
  title,
  role,
  url,
  locale,
  validForMs,
}: InviteEmailInput): MailMessage {
  const t = copy[locale];
  const days = Math.round(validForMs / 86_400_000);
  const text = t.body(inviter, team, title, roleNames[locale][role], url, days);
  return { to, subject: t.subject(team, title), text, action: { label: t.action, url } };
}

/** Tells an admin that someone accepted an invite. */
export function joinedEmail(input: { to: string; email: string; team: string; role: Role; locale: Locale }) {
  const t = copy[input.locale];
  const message: MailMessage = {
    to: input.to,
    subject: t.joinedSubject(input.email, input.team),
    text: t.joinedBody(input.email, input.team, roleNames[input.locale][input.role]),
  };
  return message;
}
