import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/**
 * Copies text. The visible word ("Copy", then "Copied") starts the accessible name, and a hidden
 * suffix says what is copied, so speech users can say what they see (WCAG 2.5.3, label in name).
 */
export function CopyButton({ text, target }: { text: string; target: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        className="min-w-[6.5rem]"
        onClick={async () => {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? t('common.copied') : t('common.copy')} <span className="sr-only">{target}</span>
      </Button>
      <span role="status" className="sr-only">
        {copied ? t('common.copiedToClipboard') : ''}
      </span>
    </>
  );
}
