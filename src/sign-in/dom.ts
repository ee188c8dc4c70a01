import { alertClass, alertRole, type AlertTone } from '../components/ui/class-names';
import type { SignInKey, Translator } from './strings';

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * An element with its attributes and children. Strings become text nodes, never markup, so no
 * value (an email address, a title from the catalogue) can add elements to the page.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.filter((child): child is Node | string => !!child));
  return element;
}

/** A message announced as soon as it appears (components/ui/alert.tsx, without React). */
export const alert = (tone: AlertTone, ...children: Child[]) =>
  h('div', { role: alertRole(tone), class: alertClass(tone) }, ...children);

/**
 * The page's h1 and its description (components/ui/page-header.tsx): it takes focus when the view
 * opens, so a screen reader says where the user is, and names the tab after the page.
 */
export function pageHeader(strings: Translator, brandTitle: string, title: SignInKey, description?: SignInKey) {
  const heading = h('h1', { tabindex: '-1', class: 'text-2xl font-bold text-slate-900' });
  strings.follow(heading, () => {
    heading.textContent = strings.t(title);
    document.title = `${strings.t(title)} · ${brandTitle}`;
  });
  const header = h(
    'header',
    { class: 'mb-6' },
    heading,
    description && h('p', { class: 'mt-1 text-sm text-slate-600' }, strings.text(description)),
  );
  return { header, focus: () => heading.focus({ preventScroll: true }) };
}

/** "Loading…", shown only after `delayMs`, so a fast answer never flashes a spinner. */
export function delayedSpinner(strings: Translator, delayMs: number) {
  const spinner = h(
    'div',
    { role: 'status', class: 'flex items-center gap-2 p-6 text-sm text-slate-600', hidden: true },
    h('span', {
      class: 'h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700',
      'aria-hidden': 'true',
    }),
    strings.text('common.loading'),
  );
  const timer = setTimeout(() => spinner.removeAttribute('hidden'), delayMs);
  return { spinner, stop: () => clearTimeout(timer) };
}
