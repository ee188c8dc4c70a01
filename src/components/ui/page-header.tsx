import { useEffect, useRef, type ReactNode } from 'react';
import { useBrandTitle } from '../../app/brand';

/**
 * Each page's h1. It takes focus when the page opens, so screen-reader users hear where a
 * navigation took them, and it sets the document title.
 */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const brandTitle = useBrandTitle();
  useEffect(() => {
    document.title = `${title} · ${brandTitle}`;
    heading.current?.focus({ preventScroll: true });
  }, [title, brandTitle]);
  return (
    <header className="mb-6">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        {title}
      </h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </header>
  );
}
