import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../../../components/ui/choice-group';
import type { Credential } from '../lib/credential-store';

/** Token or license ID in the commands: both work; only the token always names this attempt. */
export function CredentialChoice({
  value,
  onChange,
}: {
  value: Credential;
  onChange: (credential: Credential) => void;
}) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={t('install.credential.legend')}
      name="credential"
      value={value}
      choices={[
        { value: 'token', label: t('install.credential.token'), hint: t('install.credential.tokenHint') },
        { value: 'license', label: t('install.credential.license'), hint: t('install.credential.licenseHint') },
      ]}
      onChange={onChange}
    />
  );
}
