import type { ReactNode } from 'react';
import { alertClass, alertRole, type AlertTone } from './class-names';

/** A message announced to assistive technology as soon as it appears. */
export function Alert({ tone = 'error', children }: { tone?: AlertTone; children: ReactNode }) {
  return (
    <div role={alertRole(tone)} className={alertClass(tone)}>
      {children}
    </div>
  );
}
