import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../../contract/instance-details';
import { cell, Table } from '../../../components/ui/table';
import { useFormatters } from '../../../lib/format';

/** Changes of version, channel, Kubernetes and SDK, newest first. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t('instanceDetails.noData')}</p>;
  const none = t('instanceDetails.fields.none');
  return (
    <Table
      label={t('instanceDetails.fields.title')}
      headers={[
        t('instanceDetails.fields.when'),
        t('instanceDetails.fields.field'),
        t('instanceDetails.fields.from'),
        t('instanceDetails.fields.to'),
      ]}
    >
      {changes.map((change) => (
        <tr key={`${change.at}-${change.field}`}>
          <td className={cell}>
            <time dateTime={change.at}>{dateTime(change.at)}</time>
          </td>
          <td className={cell}>{t(`instanceDetails.fields.names.${change.field}`)}</td>
          <td className={cell}>{change.from ?? none}</td>
          <td className={cell}>{change.to ?? none}</td>
        </tr>
      ))}
    </Table>
  );
}
