import type { ReactNode } from 'react';

/** A bordered data table with column headers; rows are the children (<tr> with <td> cells). */
export function Table({ headers, children, footer }: { headers: string[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
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

export const cell = 'px-4 py-2';
