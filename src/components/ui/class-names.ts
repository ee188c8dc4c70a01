/**
 * The look of the shared controls as class lists, free of React: the components beside this file
 * and the sign-in page's DOM code (src/sign-in/, decision 019) both dress their markup from here,
 * so the two ways of rendering cannot drift apart in how a button or an alert looks.
 */

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

const buttonVariants: Record<ButtonVariant, string> = {
  primary: 'bg-brand text-brand-contrast hover:brightness-110',
  secondary: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50',
  ghost: 'text-slate-800 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
};

export const buttonClass = (variant: ButtonVariant = 'primary') =>
  `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${buttonVariants[variant]}`;

export type AlertTone = 'error' | 'success' | 'info';

const alertTones: Record<AlertTone, string> = {
  error: 'border-red-300 bg-red-50 text-red-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
};

export const alertClass = (tone: AlertTone) => `rounded-md border px-4 py-3 text-sm ${alertTones[tone]}`;

/** An error is announced at once (alert); good news and information politely (status). */
export const alertRole = (tone: AlertTone) => (tone === 'error' ? 'alert' : 'status');

/** A label above its control (forms), or beside a compact one (headers, toolbars). */
export const fieldFrameClass = (inline: boolean) => (inline ? 'flex items-center gap-2 text-sm' : '');
export const labelClass = (inline: boolean) =>
  inline ? 'font-semibold' : 'block text-sm font-semibold text-slate-900';
export const hintClass = 'text-sm text-slate-600';
export const fieldErrorClass = 'mt-1 text-sm text-red-800';

export const controlClass = (inline: boolean) =>
  inline
    ? 'rounded border border-slate-300 bg-white px-2 py-1 text-slate-900'
    : 'mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-invalid:border-red-700';
