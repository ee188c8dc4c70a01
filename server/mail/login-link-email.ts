import type { Locale } from '../../contract/me';
import type { MailMessage } from '../deps';

const copy = {
  en: {
    subject: (title: string) => `Your sign-in link for ${title}`,
    body: (title: string, url: string, minutes: number) =>
      `Hello,\n\nUse this link to sign in to ${title}:\n\n${url}\n\n` +
      `The link works once and expires in ${minutes} minutes. If you did not ask for it, you can ignore this email.\n`,
    action: 'Sign in',
  },
  de: {
    subject: (title: string) => `Ihr Anmeldelink für ${title}`,
    body: (title: string, url: string, minutes: number) =>
      `Hallo,\n\nMit diesem Link melden Sie sich bei ${title} an:\n\n${url}\n\n` +
      `Der Link funktioniert einmal und läuft in ${minutes} Minuten ab. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.\n`,
    action: 'Anmelden',
  },
} satisfies Record<Locale, unknown>;

export type LoginLinkEmailInput = {
  to: string;
  title: string;
  url: string;
  locale: Locale;
  /** How long the link works; the caller passes the lifetime it gave the link, so the text cannot drift from it. */
  validForMs: number;
};

export function loginLinkEmail({ to, title, url, locale, validForMs }: LoginLinkEmailInput): MailMessage {
  const t = copy[locale];
  const minutes = Math.round(validForMs / 60_000);
  return { to, subject: t.subject(title), text: t.body(title, url, minutes), action: { label: t.action, url } };
}
