/** A PostgreSQL error as both drivers report it (PGlite and node-postgres share pg-protocol's). */
export type DatabaseError = { code: string; constraint?: string; message: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The PostgreSQL error behind `error`, wherever a driver or Drizzle (DrizzleQueryError.cause)
 * wrapped it, or null for anything else. A server error always carries a severity, which tells
 * it from a Node system error whose code merely looks like a SQLSTATE (EPIPE).
 */
export function databaseErrorOf(error: unknown): DatabaseError | null {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, constraint, severity, message } = current as Record<string, unknown>;
    if (typeof code === 'string' && SQLSTATE.test(code) && typeof severity === 'string') {
      return {
        code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        message: typeof message === 'string' ? message : code,
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** unique_violation, optionally on one of the given constraints or unique indexes. */
export function isUniqueViolation(error: unknown, constraints?: readonly string[]): boolean {
  const found = databaseErrorOf(error);
  return found?.code === '23505' && (!constraints || constraints.includes(found.constraint ?? ''));
}
