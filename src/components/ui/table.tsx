import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A bordered data table with column headers; rows are the children (<tr> with <td> cells). It
 * scrolls sideways on its own when it is wider than the screen; `relative` keeps what is positioned
 * inside it (screen-reader-only text) inside that scroll, or the whole page would scroll instead.
 * While it scrolls it is a labelled group a keyboard can reach, so arrow keys can scroll it (a
 * group, not a region: the section around it is often the landmark, with the same name).
 */
export function Table({
  label,
  headers,
  children,
  footer,
}: {
  label: string;
  headers: string[];
  children: ReactNode;
  footer?: ReactNode;
}) {
  const region = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(region);
  return (
    <div
      ref={region}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
      {...(scrolls ? { role: 'group', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-4 py-2 font-semibold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

/** Whether the element is wider inside than it shows, kept true to its size and its content's. */
function useScrollsSideways(ref: React.RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

export const cell = 'px-4 py-2';
