/** Plain constants, free of zod, so the SPA's first load does not pull in the validator. */

export const roles = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];

/** A sign-in link works once, for this long (architecture.md, "Rules the product decides"). */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;

/** Why a login link was refused; the SPA explains each one and offers a new link. */
export const invalidLinkReasons = ['expired', 'used', 'unknown'] as const;
export type InvalidLinkReason = (typeof invalidLinkReasons)[number];

/**
 * The sign-in page's addresses: a page of its own, not a route of the SPA (decision 019). The
 * Node host serves login.html for them, every other page path the SPA's index.html.
 */
export const signInPaths = ['/login', '/login/verify'] as const;
export const isSignInPath = (pathname: string) => signInPaths.includes(pathname as (typeof signInPaths)[number]);
