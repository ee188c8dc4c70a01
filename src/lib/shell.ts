/**
 * The commands a customer copies are code: every value from a user, the catalogue or the database
 * goes into them through this one function, so none can add a word or a command (issue 6).
 */

/** Characters no POSIX shell treats specially, so a value made only of them reads as typed. */
const SAFE = /^[A-Za-z0-9_./:=@%+,-]+$/;

/**
 * One shell word that means exactly `value`: as is when every character is safe, otherwise in
 * single quotes, inside which a shell interprets nothing; a quote itself closes the quotes, adds an
 * escaped quote and reopens them (`'\''`). Refuses NUL, which no command argument can contain.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('A shell argument cannot contain a NUL character.');
  if (SAFE.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The same commands with the secret hidden, for showing on screen until the user reveals it. A
 * quote in it reads `'\''` inside shellQuote's quotes, so that form is hidden too.
 */
export function maskSecret(command: string, secret: string): string {
  if (!secret) return command;
  const mask = '•'.repeat(12);
  return command.replaceAll(secret.replaceAll("'", "'\\''"), mask).replaceAll(secret, mask);
}
