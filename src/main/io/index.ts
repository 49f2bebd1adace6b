/**
 * Vehicle lists in and results out: the one entry point the CLI `compute` command and the app's
 * import screen use. See ./README.md.
 */
export { readVehicleFile, DEFAULT_STREAMING_THRESHOLD_BYTES } from './read';
export { writeResults, MONEY_FORMAT, DEFAULT_STREAMING_THRESHOLD_ROWS } from './write';
export { VehicleFileError, isVehicleFileError } from './errors';
export type {
  ReadOptions, ReadResult, ReadRow, SkippedRow, SkipReason, WriteOptions, VehicleFileErrorCode,
} from './types';
export type { HeaderMapping, MappedColumn, UnmappedColumn, Issue, IssueCode, ImportField, Unit, Language } from '../../core/import/types';
export { applyMapping, detectHeader, recogniseHeader, IMPORT_FIELDS } from '../../core/import';
