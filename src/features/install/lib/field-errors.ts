import type { TFunction } from 'i18next';

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
