/**
 * What a grid cell shows and what it says when something is wrong with it. Enumerations are shown
 * in the interface language; editing and copying use `cellText` from the core, which pastes back.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../core/api/contract';
import { cellText, type RecordField } from '../../core/grid';
import { formatMoney } from '../../core/format';
import type { GridRow } from './caseStore';
import type { GridColumn } from './gridColumns';

const PROPULSIONS = new Set(['ice', 'hybrid', 'series-hybrid', 'electric']);
const IMPORTERS = new Set(['individual', 'company']);

export function displayText(row: GridRow | undefined, col: GridColumn, lang: Language, t: TFunction): string {
  if (!row) return '';
  if (col.kind === 'result') {
    const r = row.result;
    if (!r) return '';
    switch (col.id) {
      case 'fee':
        return r.ok ? formatMoney(r.fee, r.currency, lang) : t('grid.result.error');
      case 'confidence':
        return r.ok ? t(`confidence.${r.confidence}`) : '';
      case 'row':
        return r.ok ? r.row : (r.errors[0]?.message ?? '');
      case 'notes': {
        if (!r.ok) return String(r.errors.length);
        const n = r.warnings.length + r.assumptions.length;
        return n === 0 ? '' : String(n);
      }
    }
  }
  const { column } = col;
  const value = row.record[column.field];
  if (value === undefined) return '';
  if (column.editor === 'boolean') return value === true ? '✓' : value === false ? '—' : String(value);
  if (column.field === 'propulsion' && typeof value === 'string' && PROPULSIONS.has(value)) return t(`grid.propulsion.${value as 'ice'}`);
  if (column.field === 'importer' && typeof value === 'string' && IMPORTERS.has(value)) return t(`grid.importer.${value as 'company'}`);
  return cellText(column, row.record, lang);
}

/** The text copied out for a cell: pastes back into the same cell as the same value. */
export function copyText(row: GridRow | undefined, col: GridColumn, lang: Language, t: TFunction): string {
  if (!row) return '';
  if (col.kind === 'field') return cellText(col.column, row.record, lang);
  if (col.id === 'fee' && row.result?.ok) return row.result.fee;
  return displayText(row, col, lang, t);
}

export interface CellMessage {
  severity: 'error' | 'warning';
  text: string;
}

/** The problem of a cell: what could not be read, or what the engine said about the field. */
export function cellMessage(row: GridRow | undefined, col: GridColumn): CellMessage | null {
  if (!row) return null;
  const r = row.result;
  if (col.kind === 'result') {
    if (!r) return null;
    if (!r.ok) return { severity: 'error', text: r.errors.map((e) => e.message).join('\n') };
    if (col.id === 'notes' || col.id === 'fee') {
      const notes = [...r.warnings, ...r.assumptions];
      return notes.length === 0 ? null : { severity: 'warning', text: notes.map((n) => n.message).join('\n') };
    }
    return null;
  }
  const field: RecordField = col.column.field;
  const local = row.problems[field];
  if (local?.severity === 'error') return { severity: 'error', text: local.message };
  if (r && !r.ok) {
    const errors = r.errors.filter((e) => e.field === field);
    if (errors.length > 0) return { severity: 'error', text: errors.map((e) => e.message).join('\n') };
  }
  if (local) return { severity: 'warning', text: local.message };
  return null;
}
