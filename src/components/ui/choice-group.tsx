import { useId } from 'react';

type Choice<T extends string> = { value: T; label: string; hint?: string };

/** A radio group with a visible legend: arrow keys move between choices, as users expect. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: T | undefined;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  error?: string;
}) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="mt-2 space-y-2">
        {choices.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5"
            />
            <span>
              {choice.label}
              {choice.hint && <span className="block text-slate-600">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
