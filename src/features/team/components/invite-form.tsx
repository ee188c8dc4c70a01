import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../contract/constants';
import { createInviteInputSchema, type InviteWithLink } from '../../../../contract/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Field, Select } from '../../../components/ui/field';
import { isApiError, type ApiError } from '../../../lib/api-client';
import { useCreateInvite } from '../api/invites';

/** Invites a person by email with a role; the refusal of an address is said under its field. */
export function InviteForm({ onLink }: { onLink: (link: InviteWithLink) => void }) {
  const { t } = useTranslation();
  const create = useCreateInvite();
  const [emailError, setEmailError] = useState<string | null>(null);

  const messageOf = (error: ApiError) => {
    const details = error.details as { reason?: string; domains?: string[] } | undefined;
    if (details?.reason === 'member') return t('team.invites.errors.member');
    if (details?.reason === 'domain') return t('team.invites.errors.domain', { domains: details.domains?.join(', ') });
    return t('team.invites.errors.emailInvalid');
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = createInviteInputSchema.safeParse({ email: data.get('email'), role: data.get('role') });
    if (!parsed.success) {
      setEmailError(t('team.invites.errors.emailInvalid'));
      return;
    }
    setEmailError(null);
    create.mutate(parsed.data, {
      onSuccess: (link) => {
        form.reset();
        onLink(link);
      },
      onError: (error) => isApiError(error) && error.fields.email && setEmailError(messageOf(error)),
    });
  }

  const failed = create.error && !(isApiError(create.error) && create.error.fields.email);
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="invite-heading" className="space-y-3">
      <h3 id="invite-heading" className="text-base font-semibold text-slate-900">
        {t('team.invites.title')}
      </h3>
      {failed && <Alert>{t('errors.generic')}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label={t('team.invites.email')}
          name="email"
          type="email"
          autoComplete="off"
          error={emailError}
          controlClassName="w-72"
        />
        <Select label={t('team.invites.role')} name="role" defaultValue={'member' satisfies Role}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" busy={create.isPending} className="mt-6">
          {t('team.invites.send')}
        </Button>
      </div>
    </form>
  );
}
