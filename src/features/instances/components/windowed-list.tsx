import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Rows rendered above and below the visible ones, so scrolling and tabbing meet a ready row. */
const OVERSCAN = 10;

/**
 * A list that renders only the rows on screen (issue 8: 10,000 instances must not build 70,000
 * DOM nodes). Every row has the same height, so the list's full height and each row's place are
 * known without rendering it: one tall container, the visible rows placed absolutely inside it.
 * Near the end of what is loaded it asks for more.
 */
export function WindowedList<T>({
  items,
  rowHeight,
  label,
  complete,
  onNearEnd,
  renderRow,
  rowKey,
}: {
  items: readonly T[];
  rowHeight: number;
  label: string;
  /** Whether every item is loaded, so assistive technology can be told the list's size. */
  complete: boolean;
  onNearEnd: () => void;
  renderRow: (item: T) => ReactNode;
  rowKey: (item: T) => string;
}) {
  const list = useRef<HTMLUListElement>(null);
  // Until measured, as if the list started at the top of the window: the usual first frame.
  const [range, setRange] = useState(() => ({
    start: 0,
    end: Math.ceil(window.innerHeight / rowHeight) + 1 + OVERSCAN,
  }));

  // Measured before the browser paints, so the first frame already shows only what fits.
  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = list.current?.getBoundingClientRect().top ?? 0;
      const first = Math.floor(Math.max(0, -top) / rowHeight);
      const visible = Math.ceil(window.innerHeight / rowHeight) + 1;
      const start = Math.max(0, first - OVERSCAN);
      const end = first + visible + OVERSCAN;
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [rowHeight]);

  const end = Math.min(range.end, items.length);
  useEffect(() => {
    if (range.end >= items.length) onNearEnd();
  }, [range.end, items.length, onNearEnd]);

  const shown = items.slice(range.start, end);
  return (
    <ul
      ref={list}
      aria-label={label}
      className="relative rounded-lg border border-slate-200 bg-white"
      style={{ height: items.length * rowHeight }}
    >
      {shown.map((item, n) => {
        const index = range.start + n;
        return (
          <li
            key={rowKey(item)}
            aria-posinset={index + 1}
            aria-setsize={complete ? items.length : -1}
            className="absolute inset-x-0 border-b border-slate-200"
            style={{ top: index * rowHeight, height: rowHeight }}
          >
            {renderRow(item)}
          </li>
        );
      })}
    </ul>
  );
}
