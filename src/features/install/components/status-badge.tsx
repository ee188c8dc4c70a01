import { useTranslation } from 'react-i18next';
import type { AttemptStatus } from '../../../../contract/installs';
import { Badge } from '../../../components/ui/badge';

const tones = {
  in_progress: 'neutral',
  stalled: 'warning',
  failed: 'danger',
  succeeded: 'success',
  discarded: 'neutral',
} as const;

export function StatusBadge({ status }: { status: AttemptStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`install.status.${status}`)}</Badge>;
}
