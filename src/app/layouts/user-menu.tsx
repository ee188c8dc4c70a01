import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { openDocument } from '../../lib/document-navigation';
import { noteSignedOut } from '../../lib/signed-out-notice';
import { useDisclosure } from '../../lib/use-disclosure';
import { LanguageSelect } from '../language-select';
import { useMe } from '../session/me';
import { useSignOut } from '../session/sign-out';

/** A disclosure (not an ARIA menu): Tab moves through its controls, Escape closes it. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { open, close, panelId, containerProps, buttonProps } = useDisclosure<HTMLDivElement>();
  const signOut = useSignOut();

  return (
    <div {...containerProps} className="relative">
      <button {...buttonProps} className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-black/10">
        {t('userMenu.toggle', { email: me.user.email })}
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-lg"
        >
          <p className="text-sm">
            {t('userMenu.signedInAs')} <strong className="break-all">{me.user.email}</strong>
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t('userMenu.teamRole', { team: me.team.name, role: t(`roles.${me.team.role}`) })}
          </p>
          <LanguageSelect signedIn className="mt-4" />
          <div className="mt-4 flex items-center justify-between gap-2 border-t border-slate-200 pt-4">
            <Link to="/settings" onClick={close} className="text-sm font-semibold underline">
              {t('userMenu.settings')}
            </Link>
            <Button
              variant="secondary"
              busy={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  // The sign-in page is another document (decision 019): loading it leaves nothing
                  // of the signed-out team in memory.
                  onSuccess: () => {
                    noteSignedOut();
                    openDocument('/login', { replace: true });
                  },
                })
              }
            >
              {t('userMenu.signOut')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
