import type { LicenseStatus } from '../../contract/catalogue';

const DAY_MS = 86_400_000;

export function licenseStatus(expiresAt: Date | null, now: Date): LicenseStatus {
  return expiresAt && expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Whole days left, rounded up so a license expiring later today still shows 1; never negative. */
export function daysToExpiry(expiresAt: Date | null, now: Date): number | null {
  if (!expiresAt) return null;
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
