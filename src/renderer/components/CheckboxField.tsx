import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** already translated; shown under the box and read out with it */
  error?: string | undefined;
  disabled?: boolean;
}

/** A checkbox with its label to the right, clickable as a whole, and its error tied by id. */
export function CheckboxField({ id, label, checked, onChange, error, disabled = false }: CheckboxFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'check check--invalid' : 'check'}>
      <input
        id={id}
        type="checkbox"
        className="check__box"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="check__label">
        {label}
      </label>
      {error && (
        <p id={errorId} className="field__error check__error">
          {error}
        </p>
      )}
    </div>
  );
}
