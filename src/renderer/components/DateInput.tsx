import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/api/contract';
import { formatDate } from '../../core/format';
import { parseDate } from '../../core/import/values';

type PassedProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'>;

interface DateInputProps extends PassedProps {
  /** the date as ISO `YYYY-MM-DD`, or '' for none */
  value: string;
  /** a whole date read from the text (ISO), or '' when the text is cleared */
  onChange: (isoDate: string) => void;
  language: Language;
}

const isoToText = (iso: string, language: Language): string => {
  try {
    return iso === '' ? '' : formatDate(iso, language);
  } catch {
    return iso;
  }
};

/** The ISO date the broker's text means, '' for an empty text, null when it is not a whole date. */
function readDate(text: string): string | null {
  if (text.trim() === '') return '';
  const parsed = parseDate(text);
  return parsed.ok && parsed.value.precision === 'day' ? parsed.value.value : null;
}

/**
 * A date typed as the broker writes it, `дд.мм.гггг` (also `2026-03-01`, `1.3.26`, `1 марта 2026`),
 * shown in the app's format whatever the computer's locale: the browser's own date input shows
 * the operating system's format (03/01/2026 on an English system), unlike every other date in
 * Tamga. The value changes only when the text reads as a whole date; until then the field says
 * what it expects and the last good date stands.
 */
export function DateInput({ value, onChange, language, className, ...input }: DateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => isoToText(value, language));
  const [shown, setShown] = useState({ value, language });

  // A value set from outside (a reset, another language) replaces the text unless it already
  // means it. Adjusted during render, as React advises, so no frame shows the stale text.
  if (shown.value !== value || shown.language !== language) {
    setShown({ value, language });
    if (readDate(text) !== value || shown.language !== language) setText(isoToText(value, language));
  }
  const invalid = readDate(text) === null;

  return (
    <>
      <input
        {...input}
        className={className ?? 'input'}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        aria-invalid={invalid || input['aria-invalid'] ? true : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const iso = readDate(event.target.value);
          if (iso !== null && iso !== value) onChange(iso);
        }}
        onBlur={(event) => {
          const iso = readDate(text);
          if (iso !== null) setText(isoToText(iso, language));
          input.onBlur?.(event);
        }}
      />
      {invalid && (
        <span className="field__error" role="alert">
          {t('date.invalid')}
        </span>
      )}
    </>
  );
}
