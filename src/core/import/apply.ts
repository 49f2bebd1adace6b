/**
 * One row of cells to one vehicle input, through a mapping the broker may have edited. Values
 * that cannot be read are left out of the input and reported as issues; the engine then reports
 * what is still missing, in the same words it uses for typed input.
 */
import { COUNTRIES } from '../rates/schema';
import type { VehicleInput } from '../vehicle';
import { DETAILS, issueMessage } from './messages';
import type { HeaderMapping, ImportField, Issue, IssueCode, Language, MappedColumn, RowCells, Unit } from './types';
import {
  categoryByMass,
  parseBoolean,
  parseCategory,
  parseCountry,
  parseDate,
  parseImporter,
  parseNumber,
  parsePropulsion,
  parseText,
  parseVin,
  plainValue,
  type CategoryValue,
  type MassGroup,
  type Parsed,
} from './values';

export interface ApplyOptions {
  language?: Language;
  /** values for fields the row lacks; the row's own value wins */
  defaults?: Partial<VehicleInput>;
}

export interface AppliedRow {
  input: Record<string, unknown>;
  issues: Issue[];
}

/** 1 hp = 0.7355 kW, the factor the contract fixes. */
const KW_PER_HP = 0.7355;
/** Below this an engine "displacement" is litres (1.6), above it cm³. */
const MAX_LITRES = 20;
/** Below this a gross mass is tonnes (3.5), above it kg. */
const MAX_TONNES = 100;

const BOOLEAN_FIELDS = new Set<ImportField>(['offRoad', 'tractorUnit', 'internationalHaulage', 'personalUse']);
const TEXT_FIELDS = new Set<ImportField>(['id', 'exemption', 'machineType', 'make', 'model', 'colour', 'notes']);
const PRECISION_RANK = { year: 1, month: 2, day: 3 } as const;

const GROUP_MEMBERS: Record<MassGroup, string> = { M2M3: 'M2/M3', N: 'N1/N2/N3', O: 'O1/O2/O3/O4' };

function shown(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function applyMapping(
  cells: RowCells,
  mapping: HeaderMapping | readonly MappedColumn[],
  options: ApplyOptions = {},
): AppliedRow {
  const columns = 'columns' in mapping ? mapping.columns : mapping;
  return new RowReading(options.language ?? 'ru', options.defaults ?? {}).read(cells, columns);
}

/**
 * The reading of one row: what it has set so far and what it found wrong. A class rather than
 * closures inside applyMapping, which allocated five functions for every row of a large file.
 */
class RowReading {
  private readonly input: Record<string, unknown> = {};
  private readonly issues: Issue[] = [];
  private category: { value: CategoryValue; column: number; raw: unknown } | null = null;
  private productionPrecision = 0;

  constructor(
    private readonly language: Language,
    private readonly defaults: Partial<VehicleInput>,
  ) {}

  private report(field: ImportField, column: number | null, raw: unknown, code: IssueCode, severity: Issue['severity'], detail?: string): void {
    const value = shown(raw);
    const text = typeof value === 'string' ? value : String(value);
    this.issues.push({
      field,
      column,
      value,
      code,
      severity,
      message: issueMessage(code, this.language, detail === undefined ? { value: text, field } : { value: text, field, detail }),
    });
  }

  /** A value read goes to its field; one that could not be read is reported with `code`. */
  private take(field: ImportField, parsed: Parsed<unknown>, column: number, raw: unknown, code: IssueCode): void {
    if (parsed.ok) this.set(field, parsed.value, column, raw);
    else this.report(field, column, raw, code, 'error');
  }

  private set(field: ImportField, value: unknown, column: number, raw: unknown): void {
    const existing = this.input[field];
    if (existing === undefined) {
      this.input[field] = value;
    } else if (existing !== value) {
      this.report(field, column, raw, 'conflicting-values', 'warning', String(existing));
    }
  }

  read(cells: RowCells, columns: readonly MappedColumn[]): AppliedRow {
    const { input, language } = this;
    for (const col of columns) {
      const raw = plainValue(cells[col.column - 1]);
      if (raw === null) continue;
      const { field, column } = col;

      if (TEXT_FIELDS.has(field)) {
        const r = parseText(raw);
        if (r.ok) this.set(field, r.value, column, raw);
        continue;
      }
      if (BOOLEAN_FIELDS.has(field)) {
        this.take(field, parseBoolean(raw), column, raw, 'invalid-boolean');
        continue;
      }
      switch (field) {
        case 'vin': {
          const r = parseVin(raw);
          if (!r.ok) break;
          this.set('vin', r.value.value, column, raw);
          if (r.value.problem === 'length') {
            this.report('vin', column, raw, 'invalid-vin', 'warning', DETAILS.vinLength[language].replace('{n}', String(r.value.value.length)));
          } else if (r.value.problem === 'characters') {
            this.report('vin', column, raw, 'invalid-vin', 'warning', DETAILS.vinChars[language]);
          }
          break;
        }
        case 'country': {
          const r = parseCountry(raw);
          if (!r.ok) this.report(field, column, raw, 'unknown-country', 'error');
          else if (!(COUNTRIES as readonly string[]).includes(r.value)) this.report(field, column, raw, 'unsupported-country', 'error');
          else this.set(field, r.value, column, raw);
          break;
        }
        case 'dispatchCountry':
        case 'originCountry':
          this.take(field, parseCountry(raw), column, raw, 'unknown-country');
          break;
        case 'date': {
          const r = parseDate(raw);
          if (r.ok && r.value.precision === 'day') this.set(field, r.value.value, column, raw);
          else this.report(field, column, raw, 'invalid-date', 'error');
          break;
        }
        case 'productionDate': {
          const r = parseDate(raw);
          if (!r.ok) {
            this.report(field, column, raw, 'invalid-date', 'error');
            break;
          }
          // "Год выпуска" 2019 beside "Дата выпуска" 15.03.2019: keep the more precise.
          const rank = PRECISION_RANK[r.value.precision];
          const existing = input.productionDate;
          if (typeof existing === 'string' && rank > this.productionPrecision && r.value.value.startsWith(existing)) {
            input.productionDate = r.value.value;
            this.productionPrecision = rank;
          } else if (existing === undefined) {
            input.productionDate = r.value.value;
            this.productionPrecision = rank;
          } else if (!String(existing).startsWith(r.value.value)) {
            this.report(field, column, raw, 'conflicting-values', 'warning', String(existing));
          }
          break;
        }
        case 'category': {
          const r = parseCategory(raw);
          if (!r.ok) this.report(field, column, raw, 'unknown-category', 'error');
          else if (this.category === null) this.category = { value: r.value, column, raw };
          break;
        }
        case 'propulsion':
          this.take(field, parsePropulsion(raw), column, raw, 'unknown-propulsion');
          break;
        case 'importer':
          this.take(field, parseImporter(raw), column, raw, 'unknown-importer');
          break;
        case 'engineCc':
          this.readEngine(col, raw);
          break;
        case 'powerKw':
        case 'powerHp':
        case 'electricPower30minKw':
          this.readPower(col, raw);
          break;
        case 'grossMassKg':
          this.readMass(col, raw);
          break;
        default:
          break;
      }
    }
    this.applyCategory();
    for (const [key, value] of Object.entries(this.defaults)) {
      if (input[key] === undefined && value !== undefined) input[key] = value;
    }
    return { input, issues: this.issues };
  }

  private readEngine(col: MappedColumn, raw: unknown): void {
    const r = parseNumber(raw);
    const unit: Unit | null = r.ok ? (r.value.unit ?? col.unit) : null;
    if (!r.ok || (unit !== null && unit !== 'cc' && unit !== 'l')) {
      this.report('engineCc', col.column, raw, 'invalid-number', 'error');
      return;
    }
    const n = r.value.value;
    let litres = unit === 'l';
    if (unit === null && n > 0 && n < MAX_LITRES) {
      litres = true;
      this.report('engineCc', col.column, raw, 'unit-assumed', 'warning', DETAILS.assumedLitres[this.language]);
    } else if (unit === 'l' && r.value.unit === null && n >= MAX_LITRES * 5) {
      litres = false;
      this.report('engineCc', col.column, raw, 'unit-assumed', 'warning', DETAILS.assumedCc[this.language]);
    }
    this.set('engineCc', Math.round(litres ? n * 1000 : n), col.column, raw);
  }

  private readPower(col: MappedColumn, raw: unknown): void {
    const r = parseNumber(raw);
    const fallback: Unit = col.field === 'powerHp' ? 'hp' : 'kw';
    const unit: Unit | null = r.ok ? (r.value.unit ?? col.unit ?? fallback) : null;
    if (!r.ok || (unit !== 'kw' && unit !== 'hp')) {
      this.report(col.field, col.column, raw, 'invalid-number', 'error');
      return;
    }
    const n = r.value.value;
    if (col.field === 'electricPower30minKw') {
      if (unit === 'hp') {
        const kw = round(n * KW_PER_HP, 2);
        this.report(col.field, col.column, raw, 'unit-converted', 'warning', `${kw} kW`);
        this.set(col.field, kw, col.column, raw);
      } else {
        this.set(col.field, n, col.column, raw);
      }
      return;
    }
    // "Мощность" holding "110 kW" in one row and "150 л.с." in the next: each goes where its unit says.
    this.set(unit === 'kw' ? 'powerKw' : 'powerHp', n, col.column, raw);
  }

  private readMass(col: MappedColumn, raw: unknown): void {
    const r = parseNumber(raw);
    const unit: Unit | null = r.ok ? (r.value.unit ?? col.unit) : null;
    if (!r.ok || (unit !== null && unit !== 'kg' && unit !== 't')) {
      this.report('grossMassKg', col.column, raw, 'invalid-number', 'error');
      return;
    }
    const n = r.value.value;
    let tonnes = unit === 't';
    if (unit === null && n > 0 && n < MAX_TONNES) {
      tonnes = true;
      this.report('grossMassKg', col.column, raw, 'unit-assumed', 'warning', DETAILS.assumedTonnes[this.language]);
    } else if (unit === 't' && r.value.unit === null && n >= MAX_TONNES * 10) {
      tonnes = false;
      this.report('grossMassKg', col.column, raw, 'unit-assumed', 'warning', DETAILS.assumedKg[this.language]);
    }
    this.set('grossMassKg', tonnes ? round(n * 1000, 3) : n, col.column, raw);
  }

  /** The category once every column is read: a group ("грузовой") needs the gross mass to pick its member. */
  private applyCategory(): void {
    if (this.category === null) return;
    const { input } = this;
    const { value, column, raw } = this.category;
    if ('category' in value) {
      input.category = value.category;
      if (value.offRoad && input.offRoad === undefined) input.offRoad = true;
    } else {
      const mass = input.grossMassKg ?? this.defaults.grossMassKg;
      if (typeof mass === 'number') input.category = categoryByMass(value.group, mass);
      else this.report('category', column, raw, 'category-needs-mass', 'error', GROUP_MEMBERS[value.group]);
    }
    if (value.tractorUnit && input.tractorUnit === undefined) input.tractorUnit = true;
  }
}
