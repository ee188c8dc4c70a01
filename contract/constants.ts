/** Plain constants, free of zod, so the SPA's first load does not pull in the validator. */

export const roles = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];
