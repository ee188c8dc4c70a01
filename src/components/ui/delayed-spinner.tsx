import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows only after a short delay, so fast loads never flash a spinner. */
export function DelayedSpinner({ delayMs = 400 }: { delayMs?: number }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  if (!visible) return null;
  return (
    <div role="status" className="flex items-center gap-2 p-6 text-sm text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700" aria-hidden />
      {t('common.loading')}
    </div>
  );
}
