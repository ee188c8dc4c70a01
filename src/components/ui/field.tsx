import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { controlClass, fieldErrorClass, fieldFrameClass, hintClass, labelClass } from './class-names';

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
    <div className={`${fieldFrameClass(inline)} ${className}`}>
      <label htmlFor={id} className={labelClass(inline)}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      {child}
      {error && (
        <p id={errorId} className={fieldErrorClass}>
          {error}
        </p>
      )}
    </div>
  );
  return { control, frame };
}

type FieldProps = Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A text input with its label, hint and error. */
export function Field({ label, hint, error, inline, className, controlClassName = '', ...input }: FieldProps) {
  const { control, frame } = useLabelled({ label, hint, error, inline, className });
  return frame(<input {...input} {...control} className={`${controlClass(inline ?? false)} ${controlClassName}`} />);
}

type SelectProps = Labelled & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>;

/** A native select (its options are the children) with its label, hint and error. */
export function Select({ label, hint, error, inline, className, controlClassName = '', ...select }: SelectProps) {
  const { control, frame } = useLabelled({ label, hint, error, inline, className });
  return frame(<select {...select} {...control} className={`${controlClass(inline ?? false)} ${controlClassName}`} />);
}
