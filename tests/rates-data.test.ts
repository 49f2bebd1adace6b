/** Every file shipped in resources/rates loads: schema, cross-row and cross-file checks. */
import { describe, expect, it } from 'vitest';
import { formatLoadIssue } from '../src/core/rates/load';
import { COUNTRIES } from '../src/core/rates/schema';
import { defaultRatesDir, loadRatesFromDir, readRateFiles } from '../src/main/rates/load-files';

describe('shipped rate data', () => {
  const dir = defaultRatesDir();
  const { bundle, errors } = loadRatesFromDir(dir);

  it('loads without a single error', () => {
    expect(errors.map(formatLoadIssue)).toEqual([]);
  });

  it('every JSON file became a jurisdiction, a schedule or a series', () => {
    const files = readRateFiles(dir).files.length;
    expect(bundle.jurisdictions.size + bundle.schedules.length + bundle.series.size).toBe(files);
  });

  it.each(COUNTRIES)('%s has its jurisdiction rules and schedules', (cc) => {
    expect(bundle.jurisdictions.has(cc)).toBe(true);
    expect(bundle.schedulesByCountry.get(cc)?.length ?? 0).toBeGreaterThan(0);
  });
});
