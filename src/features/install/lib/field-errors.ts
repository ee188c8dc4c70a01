import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { PROXY_URL_MAX_LENGTH } from '../../../../contract/install-options';

/**
 * Field messages from the contract's schemas (client) or the BFF (server) are English; the page
 * shows its own translated message for each field it knows, and the original otherwise.
 */
const keys: Record<string, string> = {
  name: 'install.errors.name',
  method: 'install.errors.method',
  options: 'install.errors.options',
  'options.network': 'install.errors.network',
  'options.proxyUrl': 'install.errors.proxyUrl',
  'options.registryAccess': 'install.errors.registryAccess',
  version: 'install.errors.version',
};

export function translateFieldErrors(fields: Record<string, string>, t: TFunction, conflict = false) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => {
      if (conflict && field === 'name') return [field, t('install.errors.nameTaken')];
      const key = keys[field];
      return [field, key ? t(key) : message];
    }),
  );
}

/**
 * The proxy URL rule (contract/installs.ts) says what is wrong in one of four ways; each has its
 * translation, whose English is the contract's own message (field-errors.test.ts holds them equal).
 */
function proxyUrlMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  if (issue.code === 'too_big') return t('install.errors.proxyUrlTooLong', { max: PROXY_URL_MAX_LENGTH });
  if (issue.code === 'invalid_format' && issue.format === 'regex') return t('install.errors.proxyUrlCharacters');
  if (issue.code === 'custom') return t('install.errors.proxyUrlMissing');
  return t('install.errors.proxyUrl');
}

/** A failed parse of a contract schema: the first message for each field, in the user's language. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], t: TFunction, prefix?: string) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.');
    if (field in errors) continue;
    const key = keys[field];
    errors[field] = field === 'options.proxyUrl' ? proxyUrlMessage(issue, t) : key ? t(key) : issue.message;
  }
  return errors;
}
