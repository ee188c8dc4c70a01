import { createContext, use, useEffect, useRef, type ReactNode } from 'react';

/** What follows the page's title in the document title: the app provides the vendor's portal title. */
export const TitleSuffix = createContext('Portico');

/**
 * Each page's h1. It takes focus when the page opens, so screen-reader users hear where a
 * navigation took them, and it sets the document title.
 */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const suffix = use(TitleSuffix);
  useEffect(() => {
    document.title = `${title} · ${suffix}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, suffix]);
  return (
    <header className="mb-6">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        {title}
      </h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </header>
  );
}
