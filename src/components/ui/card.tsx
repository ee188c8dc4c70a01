import type { ReactNode } from 'react';

export function Card({ title, children, footer }: { title: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-3 flex-1 text-sm text-slate-700">{children}</div>
      {footer && <div className="mt-4 text-sm font-semibold">{footer}</div>}
    </section>
  );
}
