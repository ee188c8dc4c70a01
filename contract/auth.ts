import { z } from './zod';
import { locales } from './constants';

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))
  .transform((email) => email.toLowerCase());

/** locale: the language the page is shown in, used for the email when the user has chosen none. */
export const requestLoginLinkInputSchema = z.object({ email: emailSchema, locale: z.enum(locales).optional() });
export type RequestLoginLinkInput = z.input<typeof requestLoginLinkInputSchema>;

export const createSessionInputSchema = z.object({
  token: z.string().min(16).max(200),
});
export type CreateSessionInput = z.infer<typeof createSessionInputSchema>;

/** GET /api/auth/session: whether this browser's cookie is a live session; asked by the sign-in page. */
export type SessionStatus = { signedIn: boolean };
