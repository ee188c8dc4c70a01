import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

type Labelled = {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Label beside a compact control (headers, toolbars), rather than above it (forms). */
  inline?: boolean;
  className?: string;
  controlClassName?: string;
};

/**
 * A label, an optional hint and an optional error around one control, wired once: the label names
 * the control, and the hint and the error are its accessible description, so a screen reader says
 * what went wrong when the field is reached; the error also marks it aria-invalid.
 */
function useLabelled({ label, hint, error, inline = false, className = '' }: Labelled) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = {
    id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': error ? true : undefined,
  };
  const frame = (child: ReactNode) => (
    <div className={`${inline ? 'flex items-center gap-2 text-sm' : ''} ${className}`}>
      <label htmlFor={id} className={inline ? 'font-semibold' : 'block text-sm font-semibold text-slate-900'}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {child}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
  return { control, frame };
}

const controlStyle = (inline: boolean | undefined) =>
  inline
    ? 'rounded border border-slate-300 bg-white px-2 py-1 text-slate-900'
    : 'mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-invalid:border-red-700';

type FieldProps = Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A text input with its label, hint and error. */
export function Field({ label, hint, error, inline, className, controlClassName = '', ...input }: FieldProps) {
  const { control, frame } = useLabelled({ label, hint, error, inline, className });
  return frame(<input {...input} {...control} className={`${controlStyle(inline)} ${controlClassName}`} />);
}

type SelectProps = Labelled & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;

/** A native select (its options are the children) with its label, hint and error. */
export function Select({ label, hint, error, inline, className, controlClassName = '', ...select }: SelectProps) {
  const { control, frame } = useLabelled({ label, hint, error, inline, className });
  return frame(<select {...select} {...control} className={`${controlStyle(inline)} ${controlClassName}`} />);
}
