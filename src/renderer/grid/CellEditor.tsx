/**
 * The editor inside the active cell: a text box for text, numbers and dates, a list for
 * enumerations and flags. Enter saves and moves down, Tab right, Shift+Tab left, Escape cancels.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/api/contract';
import type { Column } from '../../core/grid';
import type { Cursor } from './selection';

export interface EditSession {
  row: number;
  col: number;
  text: string;
  /** true when typing started the edit: the typed character replaces the cell */
  replace: boolean;
}

interface Props {
  session: EditSession;
  column: Column;
  language: Language;
  onFinish: (text: string | null, move: Cursor | null) => void;
}

const YES_NO: Record<Language, [string, string]> = { ru: ['да', 'нет'], kk: ['иә', 'жоқ'], en: ['yes', 'no'] };

export function CellEditor({ session, column, language, onFinish }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(session.text);
  const inputRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const input = inputRef.current;
    if (input) {
      input.focus();
      const end = input.value.length;
      input.setSelectionRange(session.replace ? end : 0, end);
    }
    selectRef.current?.focus();
  }, [session.replace]);

  const finish = (value: string | null, move: Cursor | null) => {
    if (done.current) return;
    done.current = true;
    onFinish(value, move);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    e.stopPropagation();
    const { row, col } = session;
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(text, { row: e.shiftKey ? row - 1 : row + 1, col });
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finish(text, { row, col: e.shiftKey ? col - 1 : col + 1 });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(null, null);
    }
  };

  const label = t(`grid.column.${column.field}`);
  const options =
    column.editor === 'boolean' ? YES_NO[language] : column.editor === 'enum' ? (column.options ?? []) : null;
  if (options && (!session.replace || options.some((o) => o.toLowerCase().startsWith(text.toLowerCase())))) {
    const known = options.includes(text);
    return (
      <select
        ref={selectRef}
        className="grid__editor grid__editor--select"
        aria-label={label}
        value={known ? text : ''}
        onChange={(e) => {
          setText(e.target.value);
          finish(e.target.value, null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(text, null)}
      >
        <option value="">{known || text === '' ? '' : text}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(column, o, t)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      ref={inputRef}
      className="grid__editor"
      aria-label={label}
      value={text}
      inputMode={column.editor === 'number' ? 'decimal' : undefined}
      placeholder={column.editor === 'date' ? t('grid.datePlaceholder') : undefined}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(text, null)}
    />
  );
}

function optionLabel(column: Column, value: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (column.field === 'propulsion') return t(`grid.propulsion.${value as 'ice'}`);
  if (column.field === 'importer') return t(`grid.importer.${value as 'company'}`);
  if (column.field === 'country') return `${value} — ${t(`country.${value as 'KZ'}`)}`;
  return value;
}
