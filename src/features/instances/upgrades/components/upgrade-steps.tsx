import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../../components/ui/copy-button';
import { maskSecret } from '../../../../lib/shell';
import type { UpgradeStep } from '../lib/upgrade-commands';

/** Numbered steps, drawn as the install steps are; the license ID stays masked until revealed, but copies in full. */
export function UpgradeSteps({ steps, secret, revealed }: { steps: UpgradeStep[]; secret: string; revealed: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="space-y-4">
      {steps.map((step, index) => {
        const text = step.commands.join('\n');
        const title = t(`upgrades.steps.${step.id}.title`);
        return (
          <li key={step.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="text-base font-semibold text-slate-900">
              {t('upgrades.steps.numbered', { number: index + 1, title })}
            </h3>
            <p className="mt-1 text-sm text-slate-600">{t(`upgrades.steps.${step.id}.description`)}</p>
            {step.commands.length > 0 && (
              <div className="mt-3 flex items-start gap-2">
                <pre className="min-w-0 flex-1 whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 text-sm text-slate-50">
                  <code>{revealed ? text : maskSecret(text, secret)}</code>
                </pre>
                <CopyButton text={text} target={t('upgrades.steps.copyTarget', { title })} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
