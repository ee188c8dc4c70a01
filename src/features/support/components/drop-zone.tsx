import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../../components/ui/button';

/**
 * Drop a file here, or choose one: the file input itself stays in the tab order (visually hidden,
 * inside its label styled as a button), so the keyboard and screen readers use the native picker.
 */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`rounded-lg border-2 border-dashed px-6 py-8 text-center ${
        over ? 'border-slate-900 bg-slate-100' : 'border-slate-300 bg-white'
      }`}
    >
      <p className="mb-3 text-sm text-slate-700">{t('support.upload.drop')}</p>
      <label
        className={`${buttonClass('secondary')} cursor-pointer has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-slate-900`}
      >
        {t('support.upload.choose')}
        <input
          type="file"
          accept=".tar.gz,.tgz,application/gzip,application/x-gzip"
          className="sr-only"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      <p className="mt-3 text-xs text-slate-600">{t('support.upload.hint')}</p>
    </div>
  );
}
