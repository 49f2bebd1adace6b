/**
 * The VIN check digit (position 9) by the North American rule (49 CFR 565). Elsewhere it is not
 * mandatory, so a mismatch is only a warning: many European and Asian VINs carry another symbol.
 */
const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The expected check digit ("0"–"9" or "X") of a 17-character VIN of valid characters. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i]!;
    const value = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : (VALUES[ch] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}
