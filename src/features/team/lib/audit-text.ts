import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEvent } from '../../../../contract/audit';
import { roles, type Role } from '../../../../contract/constants';
import { isLocale } from '../../../lib/locale';
import { languageNames } from './language-names';

/** Each action's name, for the filter. A Record, so a new action cannot go untranslated. */
const names = (t: TFunction): Record<AuditAction, string> => ({
  'session.signed_in': t('audit.actionNames.signedIn'),
  'invite.sent': t('audit.actionNames.inviteSent'),
  'invite.resent': t('audit.actionNames.inviteResent'),
  'invite.revoked': t('audit.actionNames.inviteRevoked'),
  'invite.accepted': t('audit.actionNames.inviteAccepted'),
  'member.role_changed': t('audit.actionNames.roleChanged'),
  'member.removed': t('audit.actionNames.memberRemoved'),
  'team.domain_allowlist_changed': t('audit.actionNames.allowlistChanged'),
  'team.locale_changed': t('audit.actionNames.localeChanged'),
  'service_account.created': t('audit.actionNames.serviceAccountCreated'),
  'service_account.rotated': t('audit.actionNames.serviceAccountRotated'),
  'service_account.revoked': t('audit.actionNames.serviceAccountRevoked'),
  'install.started': t('audit.actionNames.installStarted'),
  'install.discarded': t('audit.actionNames.installDiscarded'),
  'bundle.uploaded': t('audit.actionNames.bundleUploaded'),
  'bundle.deleted': t('audit.actionNames.bundleDeleted'),
});

type Detail = AuditEvent['details'];
const text = (details: Detail, name: string) => {
  const value = details?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const localeIn = (details: Detail, name: string) => {
  const value = text(details, name);
  return isLocale(value) ? value : undefined;
};
const roleIn = (details: Detail, name: string) => {
  const value = text(details, name);
  return roles.includes(value as Role) ? (value as Role) : undefined;
};

/**
 * What an entry says happened, as a sentence: its action with its target and details. The
 * routes that write an entry name the role (`role`, or `from` and `to` for a change) in its details,
 * and a team language change its `from` and `to` locales.
 */
function sentences(t: TFunction): Record<AuditAction, (event: AuditEvent) => string> {
  const roleName = (role: Role) =>
    ({ admin: t('audit.roles.admin'), member: t('audit.roles.member'), viewer: t('audit.roles.viewer') })[role];
  const target = (event: AuditEvent) => event.target?.label || t('audit.unknownTarget');
  const withRole = (event: AuditEvent, withIt: (role: string) => string, without: () => string) => {
    const role = roleIn(event.details, 'role');
    return role ? withIt(roleName(role)) : without();
  };
  return {
    'session.signed_in': () => t('audit.sentence.signedIn'),
    'invite.sent': (e) =>
      withRole(
        e,
        (role) => t('audit.sentence.inviteSentAs', { target: target(e), role }),
        () => t('audit.sentence.inviteSent', { target: target(e) }),
      ),
    'invite.resent': (e) => t('audit.sentence.inviteResent', { target: target(e) }),
    'invite.revoked': (e) => t('audit.sentence.inviteRevoked', { target: target(e) }),
    'invite.accepted': (e) =>
      withRole(
        e,
        (role) => t('audit.sentence.inviteAcceptedAs', { role }),
        () => t('audit.sentence.inviteAccepted'),
      ),
    'member.role_changed': (e) => {
      const from = roleIn(e.details, 'from');
      const to = roleIn(e.details, 'to') ?? roleIn(e.details, 'role');
      if (from && to) {
        return t('audit.sentence.roleChangedFromTo', { target: target(e), from: roleName(from), to: roleName(to) });
      }
      if (to) return t('audit.sentence.roleChangedTo', { target: target(e), to: roleName(to) });
      return t('audit.sentence.roleChanged', { target: target(e) });
    },
    'member.removed': (e) => t('audit.sentence.memberRemoved', { target: target(e) }),
    'team.domain_allowlist_changed': (e) => {
      const domains = text(e.details, 'domains');
      return domains
        ? t('audit.sentence.allowlistSet', { domains })
        : e.details?.enabled === false
          ? t('audit.sentence.allowlistOff')
          : t('audit.sentence.allowlistChanged');
    },
    'team.locale_changed': (e) => {
      const names = languageNames(t);
      const from = localeIn(e.details, 'from');
      const to = localeIn(e.details, 'to');
      if (!to) return t('audit.sentence.localeChanged');
      return from && from !== to
        ? t('audit.sentence.localeChangedFromTo', { from: names[from], to: names[to] })
        : t('audit.sentence.localeSet', { to: names[to] });
    },
    'service_account.created': (e) => t('audit.sentence.serviceAccountCreated', { target: target(e) }),
    'service_account.rotated': (e) => t('audit.sentence.serviceAccountRotated', { target: target(e) }),
    'service_account.revoked': (e) => t('audit.sentence.serviceAccountRevoked', { target: target(e) }),
    'install.started': (e) => {
      const version = text(e.details, 'version');
      return version
        ? t('audit.sentence.installStartedVersion', { target: target(e), version })
        : t('audit.sentence.installStarted', { target: target(e) });
    },
    'install.discarded': (e) => t('audit.sentence.installDiscarded', { target: target(e) }),
    'bundle.uploaded': (e) => t('audit.sentence.bundleUploaded', { target: target(e) }),
    'bundle.deleted': (e) => t('audit.sentence.bundleDeleted', { target: target(e) }),
  };
}

/** The action names and sentences in the language of `t`. */
export function auditText(t: TFunction) {
  const sentence = sentences(t);
  return {
    actionNames: names(t),
    sentence: (event: AuditEvent) => sentence[event.action]?.(event) ?? event.action,
  };
}

/** The action names and sentences in the user's language. */
export function useAuditText() {
  const { t } = useTranslation();
  return auditText(t);
}
