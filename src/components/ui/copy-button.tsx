import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** Copies text; the confirmation is announced, and the label says what is copied. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        aria-label={label}
        onClick={async () => {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
      <span role="status" className="sr-only">
        {copied ? t('common.copiedToClipboard') : ''}
      </span>
    </>
  );
}
