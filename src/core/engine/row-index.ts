/**
 * A one-dimensional index over a list of rows: the value axis of one numeric dimension is cut at
 * every band edge into points and open pieces, and each piece lists the rows that can hold
 * there. A vehicle then tests only the rows of its piece (a binary search away) instead of the
 * whole grid: the RU M1 grid has 130 rows per column, a piece about ten.
 */
import type { CompiledRow } from '../rates/load';
import { bandToInterval, inInterval, type MatchVehicle } from './conditions';

type Dim = 'engineCc' | 'powerKw' | 'powerHp' | 'grossMassKg' | 'ageYears';
const DIMS: readonly Dim[] = ['engineCc', 'powerKw', 'powerHp', 'grossMassKg', 'ageYears'];

export class RowIndex {
  private constructor(
    private readonly dim: Dim | null,
    private readonly edges: number[],
    /** pieces[2i] = below edges[i] (above edges[i-1]); pieces[2i+1] = exactly edges[i]; last = above all */
    private readonly pieces: CompiledRow[][],
    /** rows for a vehicle without a value in `dim` (only rows that do not read it) */
    private readonly unknown: CompiledRow[],
    private readonly all: CompiledRow[],
  ) {}

  static build(rows: CompiledRow[]): RowIndex {
    let best: RowIndex = new RowIndex(null, [], [], rows, rows);
    let bestCost = rows.length;
    if (rows.length < 8) return best;
    for (const dim of DIMS) {
      const edgeSet = new Set<number>();
      for (const r of rows) {
        const b = r.row.when[dim];
        if (!b) continue;
        for (const e of [b.gt, b.gte, b.lt, b.lte]) if (e !== undefined) edgeSet.add(e);
      }
      if (edgeSet.size === 0) continue;
      const edges = [...edgeSet].sort((a, b) => a - b);
      const samples: number[] = [];
      for (let i = 0; i < edges.length; i++) {
        samples.push(i === 0 ? edges[0]! - 1 : (edges[i - 1]! + edges[i]!) / 2, edges[i]!);
      }
      samples.push(edges[edges.length - 1]! + 1);
      const pieces = samples.map((x) =>
        rows.filter((r) => {
          const b = r.row.when[dim];
          return !b || inInterval(x, bandToInterval(b));
        }),
      );
      const cost = Math.max(...pieces.map((p) => p.length));
      if (cost < bestCost) {
        bestCost = cost;
        best = new RowIndex(dim, edges, pieces, rows.filter((r) => !r.row.when[dim]), rows);
      }
    }
    return best;
  }

  /** Rows that can match this vehicle, in file order (a superset of those that do). */
  candidates(v: MatchVehicle): CompiledRow[] {
    if (this.dim === null) return this.all;
    const x = v[this.dim];
    if (Number.isNaN(x)) return this.unknown;
    const edges = this.edges;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    // lo = first edge ≥ x
    return lo < edges.length && edges[lo] === x ? this.pieces[2 * lo + 1]! : this.pieces[2 * lo]!;
  }
}
