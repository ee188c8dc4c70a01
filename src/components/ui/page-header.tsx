import { createContext, use, useEffect, useRef, type ReactNode } from 'react';

/** What follows the page's title in the document title: the app provides the vendor's portal title. */
export const TitleSuffix = createContext('Portico');

/**
 * Whether a page's heading takes focus as the page opens: yes after a navigation, so screen-reader
 * users hear where it took them; no on the document's first page, where the reader starts at the
 * top as on any page load and the first Tab reaches the skip link. Focus there would also force
 * a layout inside the first render's commit (decision 020). The portal layout, which knows, says.
 */
export const FocusOnOpen = createContext(true);

/** Each page's h1. It takes focus when a navigation opens the page (FocusOnOpen), and sets the document title. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const suffix = use(TitleSuffix);
  const focusOnOpen = use(FocusOnOpen);
  useEffect(() => {
    document.title = `${title} · ${suffix}`;
    if (focusOnOpen) heading.current?.focus({ preventScroll: true });
  }, [title, suffix, focusOnOpen]);
  return (
    <header className="mb-6">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        {title}
      </h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </header>
  );
}
