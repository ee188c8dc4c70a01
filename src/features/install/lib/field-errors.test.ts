import { describe, expect, it } from 'vitest';
import { installOptionsSchema } from '../../../../contract/installs';
import { testI18n } from '../../../testing/i18n';
import { fieldErrorsOf } from './field-errors';

const proxyUrls = [
  undefined,
  'proxy.example:3128',
  'ftp://proxy.example',
  'http://proxy.example:3128/ ;touch /tmp/x;',
  `http://proxy.example/${'a'.repeat(2048)}`,
];

describe('the proxy URL message', () => {
  it("is the contract's own message in English, for every way the rule can refuse a URL", () => {
    const { t } = testI18n('en');
    for (const proxyUrl of proxyUrls) {
      const result = installOptionsSchema.safeParse({ network: 'proxy', proxyUrl });
      expect(result.success, String(proxyUrl)).toBe(false);
      const issue = result.error!.issues[0]!;
      expect(fieldErrorsOf(result.error!.issues, t, 'options')).toEqual({ 'options.proxyUrl': issue.message });
    }
  });

  it('is translated in German', () => {
    const en = testI18n('en');
    const de = testI18n('de');
    for (const proxyUrl of proxyUrls) {
      const { issues } = installOptionsSchema.safeParse({ network: 'proxy', proxyUrl }).error!;
      const german = fieldErrorsOf(issues, de.t, 'options')['options.proxyUrl'];
      expect(german).not.toBe(fieldErrorsOf(issues, en.t, 'options')['options.proxyUrl']);
      expect(german).toMatch(/Proxy/);
    }
  });
});
