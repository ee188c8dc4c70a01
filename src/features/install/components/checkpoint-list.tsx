import { useTranslation } from 'react-i18next';
import type { Checkpoint } from '../../../../contract/installs';
import { useFormatters } from '../../../lib/format';

/**
 * Read-only checkboxes that tick themselves as install traffic arrives. Each is announced as a
 * checked or unchecked checkbox named after its checkpoint, with its time when reached.
 */
export function CheckpointList({ checkpoints, failed = false }: { checkpoints: Checkpoint[]; failed?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <ul className="space-y-2" aria-label={t('install.progress.title')}>
      {checkpoints.map((checkpoint) => {
        const labelId = `checkpoint-${checkpoint.name}`;
        return (
          <li key={checkpoint.name} className="flex items-start gap-3">
            <span
              role="checkbox"
              aria-checked={checkpoint.at !== null}
              aria-readonly="true"
              aria-labelledby={labelId}
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded border-2 ${
                checkpoint.at ? 'border-green-700 bg-green-700 text-white' : 'border-slate-400 bg-white'
              }`}
            >
              {checkpoint.at && (
                <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" aria-hidden="true">
                  <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
                </svg>
              )}
            </span>
            <span className="text-sm">
              <span id={labelId} className="block font-semibold text-slate-900">
                {t(`install.checkpoints.${checkpoint.name}`)}
              </span>
              <span className="block text-slate-600">
                {checkpoint.at
                  ? dateTime(checkpoint.at)
                  : failed
                    ? t('install.progress.notReached')
                    : t('install.progress.pending')}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
