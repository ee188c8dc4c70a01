import type { ButtonHTMLAttributes } from 'react';
import { buttonClass, type ButtonVariant } from './class-names';

export { buttonClass } from './class-names';

export function Button({
  variant = 'primary',
  busy = false,
  className = '',
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean }) {
  return (
    <button
      type="button"
      {...props}
      aria-busy={busy || undefined}
      disabled={busy || props.disabled}
      className={`${buttonClass(variant)} ${className}`}
    >
      {children}
    </button>
  );
}
