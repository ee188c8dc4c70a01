import type { Locale } from '../../contract/me';
import type { MailMessage } from '../deps';

const copy = {
  en: {
    subject: (title: string) => `Your sign-in link for ${title}`,
    body: (title: string, url: string) =>
      `Hello,\n\nUse this link to sign in to ${title}:\n\n${url}\n\n` +
      `The link works once and expires in 15 minutes. If you did not ask for it, you can ignore this email.\n`,
    action: 'Sign in',
  },
  de: {
    subject: (title: string) => `Ihr Anmeldelink für ${title}`,
    body: (title: string, url: string) =>
      `Hallo,\n\nMit diesem Link melden Sie sich bei ${title} an:\n\n${url}\n\n` +
      `Der Link funktioniert einmal und läuft in 15 Minuten ab. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.\n`,
    action: 'Anmelden',
  },
} satisfies Record<Locale, unknown>;

export function loginLinkEmail(to: string, title: string, url: string, locale: Locale): MailMessage {
  const t = copy[locale];
  return { to, subject: t.subject(title), text: t.body(title, url), action: { label: t.action, url } };
}
