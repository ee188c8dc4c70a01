import { useTranslation } from 'react-i18next';
import { useBranding } from '../../../app/branding';
import { useLicense } from '../../../app/team/license';
import { CopyButton } from '../../../components/ui/copy-button';
import { collectMethods, collectSteps, type CollectMethod } from '../lib/collect-commands';

/** How to collect a bundle, for each installer the team's license allows, with copyable commands. */
export function CollectInstructions() {
  const { t } = useTranslation();
  const methods = collectMethods(useLicense().installTypes);
  if (methods.length === 0) return null;
  return (
    <section aria-labelledby="collect-heading" className="mb-8">
      <h2 id="collect-heading" className="mb-1 text-lg font-semibold text-slate-900">
        {t('support.collect.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t('support.collect.description')}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {methods.map((method) => (
          <MethodSteps key={method} method={method} />
        ))}
      </div>
    </section>
  );
}

function MethodSteps({ method }: { method: CollectMethod }) {
  const { t } = useTranslation();
  const { appSlug } = useBranding();
  const headingId = `collect-${method}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        {t(`support.collect.methods.${method}`)}
      </h3>
      <ol className="mt-2 space-y-3">
        {collectSteps(method, appSlug).map((step, index) => {
          const text = step.commands.join('\n');
          const title = t(`support.collect.steps.${step.id}.title`);
          return (
            <li key={step.id}>
              <h4 className="text-sm font-semibold text-slate-900">
                {t('support.collect.numbered', { number: index + 1, title })}
              </h4>
              <p className="mt-1 text-sm text-slate-600">{t(`support.collect.steps.${step.id}.description`)}</p>
              <div className="mt-2 flex items-start gap-2">
                <pre className="min-w-0 flex-1 whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 text-sm text-slate-50">
                  <code>{text}</code>
                </pre>
                <CopyButton text={text} target={t('support.collect.copyTarget', { title })} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
