/**
 * Units of measure. 1 metric horsepower = 0.7355 kW is the conversion the RU decree's kW bounds
 * are derived with (160 hp = 117.68 kW, 80 hp = 58.84 kW) and the one docs/vehicle-record.md
 * fixes; it is a unit definition, not a rate.
 */
export const KW_PER_HP = 0.7355;

/**
 * Power figures are compared against band edges such as 117.68: converted values are rounded to
 * 6 decimals so that 160 hp → 117.68 kW lands exactly on the edge instead of a binary-float
 * neighbour of it.
 */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function hpToKw(hp: number): number {
  return round6(hp * KW_PER_HP);
}

export function kwToHp(kw: number): number {
  return round6(kw / KW_PER_HP);
}

/** Relative difference of two power figures in kW (0.01 = 1 %), against the larger one. */
export function relativeDifference(aKw: number, bKw: number): number {
  const max = Math.max(Math.abs(aKw), Math.abs(bKw));
  return max === 0 ? 0 : Math.abs(aKw - bKw) / max;
}

/** Multiply a power by a data-file factor such as "0.45" (band comparison only, not money). */
export function scalePower(kw: number, factor: string): number {
  return round6(kw * Number(factor));
}
