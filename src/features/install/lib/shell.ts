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
