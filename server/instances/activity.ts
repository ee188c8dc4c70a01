export const INACTIVE_AFTER_MS = 24 * 3_600_000;

/** Online instances go inactive after 24 h without a check-in; air-gap ones never check in. */
export function isActive(instance: { airgap: boolean; lastCheckInAt: Date | null }, now: Date): boolean {
  if (instance.airgap) return true;
  return instance.lastCheckInAt !== null && now.getTime() - instance.lastCheckInAt.getTime() <= INACTIVE_AFTER_MS;
}
