import type { Branding } from '../../contract/catalogue';
import { locales } from '../../contract/constants';
import { readableTextOn } from '../../contract/contrast';
import { controlClass, fieldFrameClass, labelClass } from '../components/ui/class-names';
import { isLocale, languageNames } from '../lib/locale';
import { h } from './dom';
import type { Translator } from './strings';

/**
 * The page's frame, as app/layouts/public-layout.tsx draws it for the SPA's public pages: the
 * vendor's header with the language choice, and a narrow main column. Returns the column.
 */
export function publicLayout(root: HTMLElement, strings: Translator, branding: Branding | null): HTMLElement {
  if (branding) applyBranding(branding);
  const main = h('main', { id: 'main', class: 'mx-auto w-full max-w-md flex-1 px-4 py-12' });
  root.replaceChildren(
    h(
      'div',
      { class: 'flex min-h-screen flex-col' },
      h(
        'header',
        { class: 'on-brand bg-brand text-brand-contrast' },
        h(
          'div',
          { class: 'mx-auto flex max-w-6xl items-center gap-4 px-4 py-3' },
          // Without the branding (its request failed), the name the host painted stays.
          branding ? brandMark(branding) : root.querySelector('[data-shell-brand]'),
          languageSelect(strings),
        ),
      ),
      main,
    ),
  );
  return main;
}

/** The vendor's logo and portal title, linking home (app/layouts/brand-mark.tsx). */
const brandMark = ({ logoUrl, title }: Branding) =>
  h(
    'a',
    { href: '/', class: 'flex items-center gap-3 text-lg font-bold' },
    logoUrl && h('img', { src: logoUrl, alt: '', class: 'h-9 w-9 rounded' }),
    h('span', {}, title),
  );

/**
 * Switches the page's language at once and remembers the choice for the portal too
 * (app/language-select.tsx, signed out: there is no account to save it to yet).
 */
function languageSelect(strings: Translator) {
  const select = h(
    'select',
    { id: 'language', class: controlClass(true) },
    ...locales.map((locale) => h('option', { value: locale, lang: locale }, languageNames[locale])),
  );
  select.value = strings.locale;
  select.addEventListener('change', () => {
    if (isLocale(select.value)) void strings.changeLocale(select.value);
  });
  return h(
    'div',
    { class: `${fieldFrameClass(true)} ml-auto` },
    h('label', { for: 'language', class: labelClass(true) }, strings.text('settings.language.label')),
    select,
  );
}

/**
 * The vendor's colours, icon and title, as app/brand.tsx sets them in the SPA. The Node host has
 * written the same into the page already; the demo, which no host brands, has only this.
 */
function applyBranding({ primaryColor, faviconUrl }: Branding) {
  const root = document.documentElement.style;
  root.setProperty('--brand', primaryColor);
  root.setProperty('--brand-contrast', readableTextOn(primaryColor));
  if (!faviconUrl) return;
  let icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!icon) {
    icon = h('link', { rel: 'icon' });
    document.head.append(icon);
  }
  icon.href = faviconUrl;
}
