import { emailSchema } from './auth';
import { locales, roles, type Locale, type Role } from './constants';
import { z } from './zod';

/** Where a membership came from: portico.yaml (docs/decisions/012-catalogue-members.md) or an invite. */
export const membershipSources = ['catalogue', 'invite'] as const;
export type MembershipSource = (typeof membershipSources)[number];

/** How long an invite link works. */
export const INVITE_TTL_MS = 7 * 86_400_000;

/** One row of `GET /api/team/members`. */
export type TeamMember = {
  id: string;
  email: string;
  role: Role;
  joinedAt: string;
  lastSeenAt: string | null;
  source: MembershipSource;
};

/** A pending invite as the team's admins see it; the link itself is known only when it is made. */
export type Invite = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  /** Past its expiry (as the server's clock says): resend to give a new link. */
  expired: boolean;
};

/** The answer to creating or resending an invite: the only time its link is known. */
export type InviteWithLink = { invite: Invite; url: string };

/** An invite waiting for the signed-in person (`GET /api/me/invites`). */
export type MyInvite = { id: string; teamName: string; role: Role; expiresAt: string };

const roleSchema = z.enum(roles, { error: 'Choose a role: admin, member or viewer.' });

export const createInviteInputSchema = z.object({
  email: emailSchema.refine((e) => e.length > 0, 'Enter an email address.'),
  role: roleSchema,
});
export type CreateInviteInput = z.input<typeof createInviteInputSchema>;

export const updateMemberInputSchema = z.object({ role: roleSchema });
export type UpdateMemberInput = z.infer<typeof updateMemberInputSchema>;

export const acceptInviteInputSchema = z.object({ token: z.string().min(16).max(200) });
export type AcceptInviteInput = z.infer<typeof acceptInviteInputSchema>;

/** Why an invite link was refused; the accept page explains each one. */
export const invalidInviteReasons = ['expired', 'revoked', 'used', 'unknown'] as const;
export type InvalidInviteReason = (typeof invalidInviteReasons)[number];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Turns the team's email domain allowlist on with these domains (DELETE turns it off). */
export const updateDomainAllowlistInputSchema = z.object({
  domains: z
    .array(z.string().trim().toLowerCase().regex(DOMAIN, 'Enter a domain like example.com.'))
    .min(1, 'Enter at least one domain, or turn the allowlist off.')
    .max(50, 'At most 50 domains.'),
});
export type UpdateDomainAllowlistInput = z.input<typeof updateDomainAllowlistInputSchema>;

export type DomainAllowlist = { domains: string[] | null };

/** The domain part of an address, as the allowlist compares it. */
export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The team's settings an admin manages (`GET /api/team/settings`). */
export type TeamSettings = {
  /** The language invitation emails are written in (docs/decisions/015-team-language.md). */
  locale: Locale;
};

/** `PUT /api/team/settings`: the whole of the team's settings. */
export const updateTeamSettingsInputSchema = z.object({
  locale: z.enum(locales, { error: `Choose a language: ${locales.join(' or ')}.` }),
});
export type UpdateTeamSettingsInput = z.infer<typeof updateTeamSettingsInputSchema>;
