/**
 * What a `vehicles` row stores for a record and its computed result, worked out without the
 * database: the cleaned record, the engine's input, the result split from its shared part
 * (src/core/api/resultParts.ts) and the columns totals read. Pure, so it runs wherever the rows
 * are prepared: in VehicleService on the main thread, and for an import on the reading thread
 * (import-rows.ts), which then hands the main thread rows that only need inserting.
 */
import type { CaseSummary, VehicleRecord } from '../../core/api/contract';
import { splitResult, type ResultPart } from '../../core/api/resultParts';
import { engineInput as gridEngineInput } from '../../core/grid/input';
import { minorUnits } from '../../core/money';
import type { ComputeResult } from '../../core/vehicle';

/** A case's row as the services read it: what it gives the rows that lack it (a row's own value wins). */
export interface CaseDefaults {
  id: number;
  country: CaseSummary['country'];
  rule_date: string;
  importer: CaseSummary['importer'];
  personal_use: number | null;
}

/** Empty cells are absent values: a cleared cell must let the case's default apply again. */
export function cleanRecord(record: VehicleRecord): VehicleRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === '') continue;
    out[key] = value;
  }
  return out as VehicleRecord;
}

/** The engine's input for a stored row: the same function the grid computes with as the broker types. */
export function engineInput(record: VehicleRecord, kase: CaseDefaults): Record<string, unknown> {
  return gridEngineInput(record, {
    country: kase.country,
    ruleDate: kase.rule_date,
    importer: kase.importer,
    personalUse: kase.personal_use === null ? null : kase.personal_use === 1,
  });
}

/** A result as stored: its own fields as JSON, its shared part by index (see RowEncoder.parts), and the columns totals read. */
export interface StoredResult {
  result: string;
  part: number | null;
  ok: number;
  currency: string | null;
  feeMinor: number | null;
  errors: number;
  warnings: number;
}

export interface StoredValues extends StoredResult {
  record: string;
  vin: string | null;
}

/**
 * Encodes rows for storing. The engine shares one frozen `sources` array between the results of
 * one rate row and day, and one basis string per row, so each distinct part is serialised once
 * per encoder; `parts[i]` is the JSON of part `i`, which the database keeps once (result_parts).
 */
export class RowEncoder {
  readonly parts: string[] = [];
  private readonly index = new Map<object, Map<string, number>>();

  encode(record: VehicleRecord, result: ComputeResult): StoredValues {
    return {
      record: JSON.stringify(record),
      vin: typeof record.vin === 'string' ? record.vin.toUpperCase() : null,
      ...this.encodeResult(result),
    };
  }

  encodeResult(result: ComputeResult): StoredResult {
    const { compact, part } = splitResult(result);
    const common = { result: JSON.stringify(compact), part: part === null ? null : this.partIndex(part) };
    if (result.ok) {
      return { ...common, ok: 1, currency: result.currency, feeMinor: minorUnits(result.fee), errors: 0, warnings: result.warnings.length };
    }
    return { ...common, ok: 0, currency: null, feeMinor: null, errors: result.errors.length, warnings: 0 };
  }

  private partIndex(part: ResultPart): number {
    let byBasis = this.index.get(part.sources);
    if (byBasis === undefined) this.index.set(part.sources, (byBasis = new Map()));
    let i = byBasis.get(part.basis);
    if (i === undefined) {
      i = this.parts.push(JSON.stringify(part)) - 1;
      byBasis.set(part.basis, i);
    }
    return i;
  }
}
