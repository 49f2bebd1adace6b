import { Field } from './Field';

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  hint?: string | undefined;
  /** already translated */
  error?: string | undefined;
  required?: boolean;
  value: T;
  options: readonly T[];
  /** the option's text in the interface language */
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}

/**
 * A labelled choice from a fixed list (a country, a category, a language): the one place such a
 * select is wired to its label, hint and error, so every form offers enumerations the same way.
 */
export function SelectField<T extends string>({ options, optionLabel, value, onChange, ...field }: SelectFieldProps<T>) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} className="input" value={value} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
