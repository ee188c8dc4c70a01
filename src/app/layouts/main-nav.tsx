import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useDisclosure } from '../../lib/use-disclosure';

const navItems = [
  { to: '/', key: 'nav.dashboard', end: true },
  { to: '/install', key: 'nav.install' },
  { to: '/instances', key: 'nav.instances' },
  { to: '/releases', key: 'nav.releases' },
  { to: '/license-details', key: 'nav.license' },
  { to: '/support', key: 'nav.support' },
  { to: '/team', key: 'nav.team' },
] as const;

/**
 * The portal's navigation: a row of links where they fit (768 px and up), else a Menu button that
 * discloses them as a list (a disclosure, not an ARIA menu: Tab moves through the links, Escape
 * closes it and gives focus back to the button, choosing a page closes it).
 */
export function MainNav() {
  const { t } = useTranslation();
  const { open, close, panelId, containerProps, buttonProps } = useDisclosure<HTMLElement>();
  return (
    <nav {...containerProps} aria-label={t('nav.label')} className="mx-auto max-w-6xl px-4">
      <button
        {...buttonProps}
        className="mb-2 flex items-center gap-2 rounded-md px-3 py-2 text-sm font-semibold hover:bg-black/10 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current">
          {open ? (
            <path d="M5.3 4 10 8.6 14.7 4 16 5.3 11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3z" />
          ) : (
            <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
          )}
        </svg>
        {t('nav.menu')}
      </button>
      <ul id={panelId} className={`${open ? 'flex' : 'hidden'} flex-col pb-2 md:flex md:flex-row md:gap-1 md:pb-0`}>
        {navItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={'end' in item}
              onClick={close}
              className={({ isActive }) =>
                `block whitespace-nowrap border-l-4 px-3 py-2 text-sm font-semibold md:border-b-4 md:border-l-0 ${
                  isActive ? 'border-current' : 'border-transparent hover:border-current/40'
                }`
              }
            >
              {t(item.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
