import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { createBrowserRouter } from 'react-router';
import { Button } from '../../src/components/ui/button';
import { playTheMachine, type MachineStep } from './machine';

type Router = ReturnType<typeof createBrowserRouter>;

const TOKENS_KEY = 'portico-demo.machine-tokens';
const tokens = (): Record<string, string> => JSON.parse(localStorage.getItem(TOKENS_KEY) ?? '{}');

/** Keeps an attempt's token, shown once when it is created, for the machine that will use it. */
export function rememberMachineToken(attemptId: string, token: string) {
  localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...tokens(), [attemptId]: token }));
}

const attemptPage = /^\/install\/(?!new$)([^/]+)$/;

/** On an Embedded Cluster attempt's page, a button that sends what the customer's VM would send. */
export function MachinePanel({ router }: { router: Router }) {
  const { t } = useTranslation('demo');
  const [pathname, setPathname] = useState(router.state.location.pathname);
  const [done, setDone] = useState<{ step: MachineStep; status: number }[]>([]);
  const [state, setState] = useState<'idle' | 'running' | 'finished' | 'failed'>('idle');
  const [error, setError] = useState('');

  useEffect(() => router.subscribe(({ location }) => setPathname(location.pathname)), [router]);
  const attemptId = attemptPage.exec(pathname)?.[1];
  useEffect(() => {
    setDone([]);
    setState('idle');
  }, [attemptId]);
  const token = attemptId ? tokens()[attemptId] : undefined;
  if (!attemptId || !token) return null;

  const run = () => {
    setDone([]);
    setState('running');
    playTheMachine(attemptId, token, (step, status) => setDone((steps) => [...steps, { step, status }])).then(
      () => setState('finished'),
      (failure: unknown) => {
        setError(String(failure));
        setState('failed');
      },
    );
  };

  return (
    <section aria-label={t('machine.title')} className="mx-auto max-w-6xl border-t border-amber-300 px-4 py-2 text-sm">
      <p>
        <strong>{t('machine.title')}</strong> {t('machine.intro')}
      </p>
      <Button className="mt-2" busy={state === 'running'} onClick={run}>
        {t('machine.run')}
      </Button>
      <ol className="mt-2 list-inside list-decimal">
        {done.map(({ step, status }) => (
          <li key={step}>{t(`machine.steps.${step}`, { status })}</li>
        ))}
      </ol>
      {state === 'finished' ? <p role="status">{t('machine.finished')}</p> : null}
      {state === 'failed' ? <p role="alert">{t('machine.failed', { error })}</p> : null}
    </section>
  );
}
