import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceState } from '../../../../contract/installs';
import { Badge } from '../../../components/ui/badge';
import { statusTone } from './status-tone';

/**
 * "x of y resources ready", and on demand the resources and their states. The list opens as a
 * popover in the top layer (so the windowed list's row does not clip it; Escape and a click
 * elsewhere close it) and is only built while open, keeping the list's rows light.
 */
export function InstanceResources({ name, states }: { name: string; states: ResourceState[] }) {
  const { t } = useTranslation();
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const ready = states.filter((s) => s.state === 'ready').length;

  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const toggled = (event: Event) => setOpen((event as ToggleEvent).newState === 'open');
    element.addEventListener('toggle', toggled);
    return () => element.removeEventListener('toggle', toggled);
  }, []);
  useEffect(() => {
    // Browsers without popovers (and jsdom) show the panel in place.
    if (open && !panel.current?.matches(':popover-open')) panel.current?.showPopover?.();
  }, [open]);

  const close = () => {
    if (panel.current?.matches(':popover-open')) panel.current.hidePopover();
    else setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        className="text-xs text-slate-700 underline"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('instanceList.resources.summary', { ready, total: states.length })}
        <span className="sr-only"> {t('instanceList.resources.of', { name })}</span>
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={t('instanceList.resources.title', { name })}
        className="w-[min(28rem,90vw)] rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-lg"
      >
        {open && (
          <>
            <h2 className="mb-2 font-semibold text-slate-900">{t('instanceList.resources.title', { name })}</h2>
            <ul className="max-h-72 space-y-1 overflow-auto">
              {states.map((s) => (
                <li key={`${s.kind}/${s.namespace}/${s.name}`} className="flex items-center justify-between gap-3">
                  <span className="truncate">
                    {s.kind} <span className="font-mono">{s.namespace ? `${s.namespace}/${s.name}` : s.name}</span>
                  </span>
                  <Badge tone={statusTone[s.state]}>{t(`instances.status.${s.state}`)}</Badge>
                </li>
              ))}
            </ul>
            <button type="button" className="mt-3 underline" onClick={close}>
              {t('instanceList.resources.close')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
