/**
 * The fee engine's public surface. Pure: no file system, no Electron; the bundle comes from
 * src/core/rates/load.ts (objects) or src/main/rates/load-files.ts (the rates folder).
 */
export { compute, computeOne, type ComputeOptions } from './compute';
export { explain } from './explain';
export { compare, standardScenarios, type Scenario, type ScenarioResult } from './compare';
export { loadRates, formatLoadIssue, type RateBundle, type RateFile, type LoadIssue, type LoadResult } from '../rates/load';
