export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** whether a larger value is better (throughput) or a smaller one (time, memory) */
  better?: 'higher' | 'lower';
}
