import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { createBrowserRouter } from 'react-router';
import { Button } from '../../src/components/ui/button';
import { openDocument } from '../../src/lib/document-navigation';
import type { MailMessage } from '../../server/deps';
import { DEMO_MAIL_EVENT } from './demo-portal';
import { MachinePanel } from './machine-panel';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * What only the demo shows, above the portal: that it is a demo, the way to start over, and the
 * email the portal would have sent (its link on screen, since no mail leaves this browser).
 */
export function DemoShell({ router, onReset }: { router: Router | null; onReset: () => Promise<void> }) {
  const { t } = useTranslation('demo');
  const [mail, setMail] = useState<MailMessage | null>(null);
  const [resetting, setResetting] = useState(false);

  useEffect(() => {
    const show = (event: Event) => setMail((event as CustomEvent<MailMessage>).detail);
    window.addEventListener(DEMO_MAIL_EVENT, show);
    return () => window.removeEventListener(DEMO_MAIL_EVENT, show);
  }, []);

  const link = mail?.action ? new URL(mail.action.url) : null;
  const open = (event: React.MouseEvent) => {
    if (!link) return;
    // The link is on this origin: follow it inside the page (demo-pages.tsx), so no static host
    // has to serve its path.
    event.preventDefault();
    setMail(null);
    openDocument(`${link.pathname}${link.search}${link.hash}`);
  };

  return (
    <aside aria-label={t('banner.label')} className="border-b border-amber-300 bg-amber-50 text-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p className="flex-1">{t('banner.text')}</p>
        <Button
          variant="secondary"
          busy={resetting}
          onClick={() => {
            setResetting(true);
            void onReset();
          }}
        >
          {t('banner.reset')}
        </Button>
      </div>
      <div role="status" className="mx-auto max-w-6xl px-4 empty:hidden">
        {mail && link ? (
          <p className="pb-2 text-sm">
            {t('mail.to', { to: mail.to })}{' '}
            <a href={link.href} onClick={open} className="font-semibold text-blue-800 underline">
              {link.pathname === '/login/verify' ? t('mail.signInLink') : t('mail.otherLink')}
            </a>
          </p>
        ) : null}
      </div>
      {router && <MachinePanel router={router} />}
    </aside>
  );
}
