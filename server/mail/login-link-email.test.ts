import { describe, expect, it } from 'vitest';
import { loginLinkEmail } from './login-link-email';

describe('the sign-in link email', () => {
  it('states the lifetime it is given, in both languages', () => {
    const url = 'https://portal.example/login/verify#token=abc';
    const en = loginLinkEmail({ to: 'a@example.com', title: 'Portal', url, locale: 'en', validForMs: 30 * 60_000 });
    expect(en.text).toContain('expires in 30 minutes');
    const de = loginLinkEmail({ to: 'a@example.com', title: 'Portal', url, locale: 'de', validForMs: 30 * 60_000 });
    expect(de.text).toContain('läuft in 30 Minuten ab');
    expect(de.action).toEqual({ label: 'Anmelden', url });
  });
});
