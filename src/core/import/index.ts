export * from './types';
export { detectHeader, mapHeaderRow, recogniseHeader, headerText, normaliseHeader, HEADER_SCAN_ROWS, MIN_HEADER_FIELDS } from './headers';
export type { HeaderMatch } from './headers';
export { applyMapping } from './apply';
export type { ApplyOptions, AppliedRow } from './apply';
export {
  parseBoolean, parseCategory, parseCountry, parseDate, parseImporter, parseNumber, parsePropulsion, parseText,
  parseVin, plainValue, categoryByMass,
} from './values';
export type { Parsed, DateValue, NumberValue, VinValue, CategoryValue, Plain } from './values';
export { fieldLabel } from './messages';
export { adaptMapping, headerKey } from './saved';
