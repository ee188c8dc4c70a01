import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatBytes, formatSeconds } from '../lib/format';
import type { UploadProgress as Progress } from '../lib/use-bundle-upload';

/** Bytes sent of the total, speed and time left, and Cancel (which deletes what was sent). */
export function UploadProgress({
  filename,
  progress,
  reconnecting,
  onCancel,
}: {
  filename: string;
  progress: Progress;
  reconnecting: boolean;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { sent, total, speed, secondsLeft } = progress;
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  return (
    <div className="space-y-2">
      <p className="text-sm font-semibold text-slate-900">{t('support.upload.uploading', { name: filename })}</p>
      <progress
        className="h-3 w-full accent-slate-900"
        max={total}
        value={sent}
        aria-label={t('support.upload.progressLabel', { name: filename })}
        aria-valuetext={t('support.upload.percent', { percent })}
      />
      <p className="text-sm text-slate-700">
        {t('support.upload.sent', { sent: formatBytes(sent, lang), total: formatBytes(total, lang), percent })}
        {speed !== null && <> · {t('support.upload.speed', { speed: formatBytes(speed, lang) })}</>}
        {secondsLeft !== null && <> · {t('support.upload.timeLeft', { time: formatSeconds(secondsLeft, lang) })}</>}
      </p>
      <p role="status" className="text-sm font-semibold text-amber-900">
        {reconnecting ? t('support.upload.reconnecting') : ''}
      </p>
      <Button variant="secondary" onClick={onCancel}>
        {t('support.upload.cancel')}
      </Button>
    </div>
  );
}
