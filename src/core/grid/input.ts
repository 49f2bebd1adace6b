/**
 * The engine's input for a row, as the main process builds it (src/main/services/vehicles.ts):
 * descriptive fields left out, the case's country, rule date, importer and personal use given to
 * rows that lack them. The renderer computes with it while the broker types, so the fee shown
 * before the save is the fee the save stores.
 */
import { VEHICLE_DESCRIPTIVE_FIELDS, type CaseSummary } from '../api/contract';
import type { VehicleRecord } from './types';

const DESCRIPTIVE: ReadonlySet<string> = new Set(VEHICLE_DESCRIPTIVE_FIELDS);

export type CaseDefaults = Pick<CaseSummary, 'country' | 'ruleDate' | 'importer' | 'personalUse'>;

export function engineInput(record: VehicleRecord, kase: CaseDefaults): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (DESCRIPTIVE.has(key) || value === undefined || value === '') continue;
    input[key] = value;
  }
  input.country ??= kase.country;
  input.date ??= kase.ruleDate;
  if (kase.importer !== null) input.importer ??= kase.importer;
  if (kase.personalUse !== null) input.personalUse ??= kase.personalUse;
  return input;
}
