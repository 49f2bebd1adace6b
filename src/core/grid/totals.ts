/**
 * The grid's footer: how many rows, how many with errors or warnings, and the fees summed per
 * currency. Amounts are decimal strings added with the money module's decimals, never floats.
 */
import { Dec } from '../money';
import type { Currency } from '../rates/schema';
import type { ComputeResult } from '../vehicle';

export interface GridSummary {
  rows: number;
  errors: number;
  warnings: number;
  /** in the order currencies first appear; amounts with two decimals */
  totals: { currency: Currency; amount: string }[];
}

export function summarise(results: readonly (ComputeResult | null | undefined)[], extraErrors = 0): GridSummary {
  const sums = new Map<Currency, Dec>();
  let errors = extraErrors;
  let warnings = 0;
  for (const result of results) {
    if (!result) continue;
    if (!result.ok) {
      errors++;
      continue;
    }
    if (result.warnings.length > 0) warnings++;
    sums.set(result.currency, (sums.get(result.currency) ?? new Dec(0)).plus(new Dec(result.fee)));
  }
  return {
    rows: results.length,
    errors,
    warnings,
    totals: [...sums].map(([currency, sum]) => ({ currency, amount: sum.toFixed(2) })),
  };
}
