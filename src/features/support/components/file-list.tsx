import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleFile } from '../../../../contract/support-bundle-facts';
import { Field } from '../../../components/ui/field';
import { formatBytes } from '../lib/format';

/** A bundle can hold thousands of entries: this many are drawn at once, the filter finds the rest. */
export const MAX_FILES_SHOWN = 500;

/** The bundle's entries as a flat list filtered by path; a file opens in the viewer. */
export function FileList({
  files,
  selected,
  onSelect,
}: {
  files: BundleFile[];
  selected: string | null;
  onSelect: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const matches = query ? files.filter((f) => f.path.toLowerCase().includes(query)) : files;
  const shown = matches.slice(0, MAX_FILES_SHOWN);
  return (
    <div className="space-y-2">
      <Field
        label={t('support.files.filter')}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <p className="text-sm text-slate-600" aria-live="polite">
        {matches.length > shown.length
          ? t('support.files.capped', { shown: shown.length, total: matches.length })
          : t('support.files.count', { count: matches.length })}
      </p>
      <ul className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white font-mono text-xs">
        {shown.map((f) => (
          <li key={f.path} className="border-b border-slate-100 last:border-0">
            {f.type === 'file' ? (
              <button
                type="button"
                aria-current={f.path === selected || undefined}
                onClick={() => onSelect(f.path)}
                className="flex w-full justify-between gap-2 px-3 py-1 text-left hover:bg-slate-50 aria-[current]:bg-slate-200"
              >
                <span className="break-all">{f.path}</span>
                <span className="whitespace-nowrap text-slate-600">{formatBytes(f.size, i18n.language)}</span>
              </button>
            ) : (
              <span className="block px-3 py-1 text-slate-700">
                {f.type === 'directory'
                  ? `${f.path}/`
                  : t('support.files.link', { path: f.path, target: f.target ?? '?' })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
