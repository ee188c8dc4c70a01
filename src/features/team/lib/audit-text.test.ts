import { describe, expect, it } from 'vitest';
import { auditActions, type AuditEvent } from '../../../../contract/audit';
import { testI18n } from '../../../testing/i18n';
import { auditText } from './audit-text';

const event = (action: AuditEvent['action'], details: AuditEvent['details'] = null): AuditEvent => ({
  id: '1',
  at: '2026-11-22T10:00:00.000Z',
  actor: { kind: 'user', id: 'u-1', label: 'alice@acme.example' },
  action,
  target: { kind: 'thing', id: 't-1', label: 'TARGET' },
  clientAddress: null,
  details,
});

describe('audit sentences', () => {
  it.each(['en', 'de'] as const)('name and tell every action in %s, never as a key', (locale) => {
    const { actionNames, sentence } = auditText(testI18n(locale).t);
    for (const action of auditActions) {
      expect(actionNames[action]).not.toMatch(/^audit\./);
      const text = sentence(event(action));
      expect(text, action).not.toMatch(/audit\.|\{\{/);
      if (
        !['session.signed_in', 'invite.accepted', 'team.domain_allowlist_changed', 'team.locale_changed'].includes(
          action,
        )
      ) {
        expect(text, action).toContain('TARGET');
      }
    }
  });

  it('builds the sentence from the details the routes record', () => {
    const { sentence } = auditText(testI18n('en').t);
    expect(sentence(event('invite.sent', { role: 'member' }))).toBe('Invited TARGET as member');
    expect(sentence(event('member.role_changed', { from: 'member', to: 'admin' }))).toBe(
      'Changed the role of TARGET from member to admin',
    );
    expect(sentence(event('member.role_changed', { role: 'viewer' }))).toBe('Changed the role of TARGET to viewer');
    expect(sentence(event('invite.accepted', { role: 'admin' }))).toBe(
      'Accepted an invitation and joined the team as admin',
    );
    expect(sentence(event('team.domain_allowlist_changed', { domains: 'acme.example' }))).toBe(
      'Set the email domain allowlist to acme.example',
    );
    expect(sentence(event('install.started', { version: '1.4.0' }))).toBe(
      'Started the installation TARGET of version 1.4.0',
    );
    expect(sentence(event('team.locale_changed', { from: 'en', to: 'de' }))).toBe(
      'Changed the team language from English to German',
    );
    expect(sentence(event('team.locale_changed', { from: 'de', to: 'de' }))).toBe('Set the team language to German');
    const de = auditText(testI18n('de').t);
    expect(de.sentence(event('invite.sent', { role: 'member' }))).toBe('Hat TARGET als Mitglied eingeladen');
    expect(de.sentence(event('team.locale_changed', { from: 'en', to: 'de' }))).toBe(
      'Hat die Teamsprache von Englisch auf Deutsch geändert',
    );
  });
});
