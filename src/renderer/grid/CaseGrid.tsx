/**
 * The case grid: one row per vehicle, the result first, then every field. It behaves like a
 * spreadsheet: the container keeps focus and moves an active cell (arrows, Tab, Home/End,
 * Ctrl+arrows, Ctrl+Home/End), Shift extends the selection, F2/Enter or typing edits, Delete
 * clears, Ctrl+C/Ctrl+V copy and paste tab-separated blocks, Ctrl+D fills down, Ctrl+Z/Ctrl+Y
 * undo and redo. Only the rows in sight are rendered (@tanstack/react-virtual).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/api/contract';
import {
  matchesFilter,
  parseTsv,
  planFillDown,
  planPaste,
  readCells,
  viewOrder,
  withValues,
  writeTsv,
  COLUMNS,
  type PlanRow,
  type RecordField,
  type SortValue,
  type VehicleRecord,
} from '../../core/grid';
import { Dec } from '../../core/money';
import type { CaseStore, GridRow, StoreSnapshot } from './caseStore';
import { cellMessage, copyText, displayText } from './cellText';
import { CellEditor, type EditSession } from './CellEditor';
import { FIRST_FIELD_COLUMN, GRID_COLUMNS, columnKey, pinClass, type GridColumn } from './gridColumns';
import { clamp, rangeOf, type Cursor, type Selection } from './selection';
import { useCssVars } from './useBoxStyle';

export const ROW_HEIGHT = 26;
const PAGE_ROWS = 20;

interface Props {
  store: CaseStore;
  snapshot: StoreSnapshot;
  language: Language;
  onActiveRow: (row: GridRow | null) => void;
  onStatus: (text: string) => void;
}

type Sort = { key: string; dir: 'asc' | 'desc' } | null;

function sortValue(row: GridRow, col: GridColumn): SortValue {
  if (col.kind === 'result') {
    const r = row.result;
    if (!r) return undefined;
    if (col.id === 'fee') return r.ok ? new Dec(r.fee) : undefined;
    if (col.id === 'confidence') return r.ok ? { high: 3, medium: 2, low: 1 }[r.confidence] : undefined;
    if (col.id === 'row') return r.ok ? r.row : undefined;
    return r.ok ? r.warnings.length + r.assumptions.length : 100 + r.errors.length;
  }
  const v = row.record[col.column.field];
  if (v === undefined) return undefined;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

export function CaseGrid({ store, snapshot, language, onActiveRow, onStatus }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const sizerRef = useRef<HTMLDivElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const [sel, setSel] = useState<Selection>({ active: { row: 0, col: FIRST_FIELD_COLUMN }, anchor: { row: 0, col: FIRST_FIELD_COLUMN } });
  const [editing, setEditing] = useState<EditSession | null>(null);
  const [sort, setSort] = useState<Sort>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});

  const { rows } = snapshot;
  const viewRows = useMemo(() => {
    const active = Object.entries(filters).filter(([, v]) => v.trim() !== '');
    const cols = new Map(GRID_COLUMNS.map((c) => [columnKey(c), c]));
    const keep =
      active.length === 0
        ? null
        : (row: GridRow) => active.every(([key, f]) => matchesFilter(displayText(row, cols.get(key)!, language, t), f));
    const sortCol = sort ? cols.get(sort.key) : undefined;
    const order = viewOrder(rows, keep, sort && sortCol ? { valueOf: (r) => sortValue(r, sortCol), dir: sort.dir } : null);
    return order.map((i) => rows[i]!);
  }, [rows, filters, sort, language, t]);

  // One empty row after the last: typing there adds a vehicle.
  const rowCount = viewRows.length + 1;
  const colCount = GRID_COLUMNS.length;
  const range = rangeOf(sel);
  const activeRow = viewRows[sel.active.row];
  const activeCol = GRID_COLUMNS[sel.active.col]!;

  // The virtualiser's functions are only read during this render; nothing memoised keeps them.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  useCssVars(sizerRef, { '--grid-body-height': `${virtualizer.getTotalSize()}px` });
  useCssVars(windowRef, { '--grid-window-y': `${items[0]?.start ?? 0}px` });

  useEffect(() => onActiveRow(activeRow ?? null), [activeRow, onActiveRow]);
  const message = cellMessage(activeRow, activeCol);
  useEffect(() => onStatus(message?.text ?? ''), [message?.text, onStatus]);

  const moveTo = useCallback(
    (to: Cursor, extend = false) => {
      const next = clamp(to, rowCount, colCount);
      setSel((s) => ({ active: next, anchor: extend ? s.anchor : next }));
      virtualizer.scrollToIndex(next.row, { align: 'auto' });
      window.requestAnimationFrame(() => {
        document.getElementById(cellId(next.row, next.col))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      });
    },
    [rowCount, colCount, virtualizer],
  );

  const planRows = viewRows as readonly PlanRow[];

  const commit = useCallback(
    (session: EditSession, text: string) => {
      const col = GRID_COLUMNS[session.col];
      if (!col || col.kind !== 'field') return;
      const field = col.column.field;
      const row = viewRows[session.row];
      const read = readCells([field], [text], row?.record ?? {}, language);
      const problems = Object.fromEntries(read.problems.map((p) => [p.field, p]));
      if (row) {
        const record = withValues(row.record, read.values);
        if (record !== row.record || read.problems.length > 0 || row.problems[field]) store.edit({ updates: [{ key: row.key, record, problems }] });
      } else if (text.trim() !== '') {
        store.edit({ creates: [{ record: withValues({}, read.values), position: store.lastPosition + 1, problems }] });
      }
    },
    [viewRows, language, store],
  );

  const startEdit = (initial: string | null) => {
    if (activeCol.kind !== 'field') return;
    const text = initial ?? (activeRow ? copyText(activeRow, activeCol, language, t) : '');
    setEditing({ row: sel.active.row, col: sel.active.col, text, replace: initial !== null });
  };

  const finishEdit = (text: string | null, move: Cursor | null) => {
    if (editing && text !== null) commit(editing, text);
    setEditing(null);
    gridRef.current?.focus({ preventScroll: true });
    if (move) moveTo(move);
  };

  const fieldRange = () => ({
    top: range.top,
    bottom: Math.min(range.bottom, viewRows.length - 1),
    left: Math.max(0, range.left - FIRST_FIELD_COLUMN),
    right: range.right - FIRST_FIELD_COLUMN,
  });

  const clearSelection = () => {
    const r = fieldRange();
    if (r.right < 0) return;
    const fields = COLUMNS.slice(r.left, r.right + 1).map((c) => c.field);
    const updates: { key: string; record: VehicleRecord }[] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const row = viewRows[i]!;
      const record = withValues(row.record, Object.fromEntries(fields.map((f) => [f, undefined])) as Partial<Record<RecordField, undefined>>);
      if (record !== row.record) updates.push({ key: row.key, record });
    }
    if (updates.length > 0) store.edit({ updates });
  };

  const deleteRows = () => {
    const keys = viewRows.slice(range.top, range.bottom + 1).map((r) => r.key);
    if (keys.length === 0) return;
    store.edit({ deletes: keys });
    onStatus(t('grid.status.deleted', { count: keys.length }));
    moveTo({ row: range.top, col: sel.active.col });
  };

  const fillDown = () => {
    const r = fieldRange();
    if (r.right < 0) return;
    const updates = planFillDown(planRows, COLUMNS, r);
    if (updates.length > 0) store.edit({ updates });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const { row, col } = sel.active;
    const key = e.key;
    const go = (to: Cursor) => {
      e.preventDefault();
      moveTo(to, e.shiftKey);
    };
    if (ctrl && (key === 'z' || key === 'Z' || key === 'я' || key === 'Я')) {
      e.preventDefault();
      void (e.shiftKey ? store.redo() : store.undo());
      return;
    }
    if (ctrl && (key === 'y' || key === 'Y' || key === 'н')) {
      e.preventDefault();
      void store.redo();
      return;
    }
    if (ctrl && (key === 'd' || key === 'D' || key === 'в')) {
      e.preventDefault();
      fillDown();
      return;
    }
    if (ctrl && key === '-') {
      e.preventDefault();
      deleteRows();
      return;
    }
    if (ctrl && key === 'a') {
      e.preventDefault();
      setSel({ anchor: { row: 0, col: 0 }, active: { row: rowCount - 1, col: colCount - 1 } });
      return;
    }
    switch (key) {
      case 'ArrowUp':
        return go({ row: ctrl ? 0 : row - 1, col });
      case 'ArrowDown':
        return go({ row: ctrl ? rowCount - 1 : row + 1, col });
      case 'ArrowLeft':
        return go({ row, col: ctrl ? 0 : col - 1 });
      case 'ArrowRight':
        return go({ row, col: ctrl ? colCount - 1 : col + 1 });
      case 'PageUp':
        return go({ row: row - PAGE_ROWS, col });
      case 'PageDown':
        return go({ row: row + PAGE_ROWS, col });
      case 'Home':
        return go(ctrl ? { row: 0, col: 0 } : { row, col: 0 });
      case 'End':
        return go(ctrl ? { row: rowCount - 1, col: colCount - 1 } : { row, col: colCount - 1 });
      case 'Tab':
        e.preventDefault();
        if (e.shiftKey) moveTo(col > 0 ? { row, col: col - 1 } : { row: row - 1, col: colCount - 1 });
        else moveTo(col < colCount - 1 ? { row, col: col + 1 } : { row: row + 1, col: FIRST_FIELD_COLUMN });
        return;
      case 'Enter':
      case 'F2':
        e.preventDefault();
        startEdit(null);
        return;
      case 'Escape':
        setSel((s) => ({ active: s.active, anchor: s.active }));
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        clearSelection();
        return;
      case ' ':
        if (activeCol.kind === 'field' && activeCol.column.editor === 'boolean' && activeRow) {
          e.preventDefault();
          const value = activeRow.record[activeCol.column.field];
          store.edit({ updates: [{ key: activeRow.key, record: withValues(activeRow.record, { [activeCol.column.field]: value !== true }) }] });
          return;
        }
        break;
      default:
        break;
    }
    if (!ctrl && !e.altKey && key.length === 1) {
      e.preventDefault();
      startEdit(key);
    }
  };

  // Clipboard events reach the document, not the grid (nothing in it is selected text).
  const latest = useRef({ sel, viewRows, editing, language });
  latest.current = { sel, viewRows, editing, language };
  useEffect(() => {
    const inGrid = () => gridRef.current !== null && gridRef.current.contains(document.activeElement) && latest.current.editing === null;
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid() || !e.clipboardData) return;
      const { sel: s, viewRows: vr, language: lang } = latest.current;
      const r = rangeOf(s);
      const out: string[][] = [];
      for (let i = r.top; i <= Math.min(r.bottom, vr.length - 1); i++) {
        out.push(GRID_COLUMNS.slice(r.left, r.right + 1).map((c) => copyText(vr[i], c, lang, t)));
      }
      e.clipboardData.setData('text/plain', writeTsv(out));
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid() || !e.clipboardData) return;
      e.preventDefault();
      const { sel: s, viewRows: vr, language: lang } = latest.current;
      const block = parseTsv(e.clipboardData.getData('text/plain'));
      if (block.length === 0) return;
      const r = rangeOf(s);
      const plan = planPaste({
        rows: vr,
        columns: COLUMNS,
        anchor: { row: r.top, col: Math.max(0, r.left - FIRST_FIELD_COLUMN) },
        block,
        selection: { height: r.bottom - r.top + 1, width: r.right - r.left + 1 },
        lastPosition: store.lastPosition,
        language: lang,
      });
      // Problems and rows looked up through maps built once: searching them per pasted row made a
      // 1,000-row paste into a large case quadratic.
      const problemsByRow = new Map<number, GridRow['problems']>();
      for (const p of plan.problems) {
        let at = problemsByRow.get(p.row);
        if (!at) problemsByRow.set(p.row, (at = {}));
        at[p.field] = p;
      }
      const indexOfKey = new Map(vr.map((row, i) => [row.key, i]));
      const problemsAt = (row: number | undefined) => (row === undefined ? undefined : problemsByRow.get(row)) ?? {};
      const updates = plan.updates.map((u) => ({ ...u, problems: problemsAt(indexOfKey.get(u.key)) }));
      const creates = plan.creates.map((c, i) => ({ ...c, problems: problemsAt(vr.length + i) }));
      store.edit({ updates, creates });
      // A paste is one whole change set, not a burst of typing to coalesce: it is saved at once
      // rather than SAVE_DELAY_MS later.
      void store.flush();
      const errors = plan.problems.filter((p) => p.severity === 'error').length;
      onStatus(t('grid.status.pasted', { count: plan.height, errors }));
      const left = Math.max(r.left, FIRST_FIELD_COLUMN);
      setSel({ anchor: { row: r.top, col: left }, active: { row: r.top + plan.height - 1, col: left + plan.width - 1 } });
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, t, onStatus]);

  const toggleSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null));

  const header = (
    <div className="grid__head" role="rowgroup">
      <div className="grid__row grid__row--head" role="row">
        <div className="grid__rowhead" role="columnheader">
          {t('grid.rowNumber')}
        </div>
        {GRID_COLUMNS.map((c, col) => {
          const key = columnKey(c);
          const sorted = sort?.key === key ? sort.dir : null;
          return (
            <div
              key={key}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              className={`grid__cell grid__cell--head grid__w-${c.kind === 'field' ? c.column.width : c.width}${c.kind === 'result' ? ' grid__cell--result' : ''} ${pinClass(col)}`}
            >
              <button type="button" className="grid__sort" onClick={() => toggleSort(key)} title={t('grid.sortBy')}>
                {columnLabel(c, t)}
                {sorted && <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
              </button>
            </div>
          );
        })}
      </div>
      <div className="grid__row grid__row--filter" role="row">
        <div className="grid__rowhead" role="columnheader">
          <span className="grid__filter-mark" aria-hidden="true">
            ⌕
          </span>
        </div>
        {GRID_COLUMNS.map((c, col) => {
          const key = columnKey(c);
          const label = t('grid.filterBy', { column: columnLabel(c, t) });
          return (
            <div key={key} role="columnheader" className={`grid__cell grid__cell--filter grid__w-${c.kind === 'field' ? c.column.width : c.width} ${pinClass(col)}`}>
              <input
                className="grid__filter"
                aria-label={label}
                title={label}
                value={filters[key] ?? ''}
                onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.value }))}
              />
            </div>
          );
        })}
      </div>
    </div>
  );

  return (
    <div className="grid-frame">
      <div className="grid-toolbar">
        <button type="button" className="button button--small" onClick={() => void store.undo()} disabled={!snapshot.canUndo}>
          {t('grid.undo')}
        </button>
        <button type="button" className="button button--small" onClick={() => void store.redo()} disabled={!snapshot.canRedo}>
          {t('grid.redo')}
        </button>
        <button type="button" className="button button--small" onClick={fillDown}>
          {t('grid.fillDown')}
        </button>
        <button type="button" className="button button--small" onClick={deleteRows} disabled={!activeRow}>
          {t('grid.deleteRows')}
        </button>
        {(sort || Object.values(filters).some((f) => f !== '')) && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setSort(null);
              setFilters({});
            }}
          >
            {t('grid.clearView')}
          </button>
        )}
        <span className="grid-toolbar__hint">{t('grid.keysHint')}</span>
      </div>
      <div className="grid__scroll" ref={scrollRef}>
        <div
          ref={gridRef}
          className="grid"
          role="grid"
          tabIndex={0}
          aria-label={t('grid.label')}
          aria-rowcount={rowCount + 2}
          aria-colcount={colCount + 1}
          aria-multiselectable="true"
          aria-activedescendant={editing ? undefined : cellId(sel.active.row, sel.active.col)}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) void store.flush();
          }}
        >
          {header}
          <div className="grid__body" role="rowgroup" ref={sizerRef}>
            <div className="grid__window" ref={windowRef}>
              {items.map((item) => {
                const i = item.index;
                const inRange = i >= range.top && i <= range.bottom;
                return (
                  <RowView
                    key={viewRows[i]?.key ?? 'new'}
                    index={i}
                    row={viewRows[i]}
                    language={language}
                    activeCol={i === sel.active.row ? sel.active.col : -1}
                    selLeft={inRange ? range.left : -1}
                    selRight={inRange ? range.right : -1}
                    editing={editing?.row === i ? editing : null}
                    onFinish={finishEdit}
                    onCellDown={(col, shift) => {
                      if (editing) finishEdit(null, null);
                      const to = { row: i, col };
                      setSel((s) => ({ active: to, anchor: shift ? s.anchor : to }));
                      gridRef.current?.focus({ preventScroll: true });
                    }}
                    onCellDouble={() => startEdit(null)}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

export function cellId(row: number, col: number): string {
  return `grid-cell-${row}-${col}`;
}

function columnLabel(c: GridColumn, t: ReturnType<typeof useTranslation>['t']): string {
  return c.kind === 'result' ? t(`grid.result.${c.id}`) : t(`grid.column.${c.column.field}`);
}

interface RowProps {
  index: number;
  row: GridRow | undefined;
  language: Language;
  activeCol: number;
  selLeft: number;
  selRight: number;
  editing: EditSession | null;
  onFinish: (text: string | null, move: Cursor | null) => void;
  onCellDown: (col: number, shift: boolean) => void;
  onCellDouble: () => void;
}

const RowView = memo(function RowView({ index, row, language, activeCol, selLeft, selRight, editing, onFinish, onCellDown, onCellDouble }: RowProps) {
  const { t } = useTranslation();
  const rowError = row?.result?.ok === false;
  return (
    <div className={`grid__row${row ? '' : ' grid__row--new'}${rowError ? ' grid__row--error' : ''}`} role="row" aria-rowindex={index + 3}>
      <div className="grid__rowhead" role="rowheader">
        {row ? index + 1 : '＋'}
      </div>
      {GRID_COLUMNS.map((c, col) => {
        const msg = cellMessage(row, c);
        const classes = [
          'grid__cell',
          `grid__w-${c.kind === 'field' ? c.column.width : c.width}`,
          c.kind === 'result' ? 'grid__cell--result' : '',
          pinClass(col),
          (c.kind === 'field' ? c.column.numeric : c.numeric) ? 'grid__cell--num' : '',
          col === activeCol ? 'grid__cell--active' : '',
          col >= selLeft && col <= selRight ? 'grid__cell--selected' : '',
          msg ? `grid__cell--${msg.severity}` : '',
        ]
          .filter(Boolean)
          .join(' ');
        const isEditing = editing !== null && editing.col === col;
        return (
          <div
            key={columnKey(c)}
            id={cellId(index, col)}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={col >= selLeft && col <= selRight}
            aria-invalid={msg?.severity === 'error' ? true : undefined}
            aria-readonly={c.kind === 'result' ? true : undefined}
            title={msg?.text}
            className={classes}
            onMouseDown={(e) => {
              if (isEditing) return;
              e.preventDefault();
              onCellDown(col, e.shiftKey);
            }}
            onDoubleClick={onCellDouble}
          >
            {isEditing && c.kind === 'field' ? (
              <CellEditor session={editing} column={c.column} language={language} onFinish={onFinish} />
            ) : (
              displayText(row, c, language, t)
            )}
          </div>
        );
      })}
    </div>
  );
});
