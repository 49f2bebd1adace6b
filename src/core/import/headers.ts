/**
 * Header recognition: which vehicle field a column holds, and in which unit, from headers as
 * carriers, dealers and clients really write them in Russian, Kazakh and English.
 * Matching ignores case, punctuation, spacing, ё/е and the unit part of the header.
 */
import type { Confidence } from '../rates/schema';
import {
  IMPORT_FIELDS,
  type HeaderMapping,
  type ImportField,
  type MappedColumn,
  type RowCells,
  type Unit,
  type UnmappedColumn,
} from './types';

/** Rows scanned for the header row when a sheet opens with a title block. */
export const HEADER_SCAN_ROWS = 30;
/** A row needs at least this many recognised columns to count as the header row. */
export const MIN_HEADER_FIELDS = 2;

/** Lower case, ё→е, superscripts to digits, every run of punctuation and space to one space. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/³/g, '3')
    .replace(/²/g, '2')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim();
}

/**
 * Phrases per field, already normalised. `exact` must be the whole header (after the unit is
 * removed); `contains` may appear anywhere in it, as whole words. Longer phrases win.
 */
interface FieldPhrases {
  exact?: string[];
  contains?: string[];
  /** a header containing one of these is not this field, whatever else it says */
  not?: string[];
}

const PHRASES: Record<ImportField, FieldPhrases> = {
  id: {
    exact: ['id', '№', 'no', 'nr', '#', 'номер', '№ п п', 'п п', 'ref', 'reference', 'row id', 'р с', 'реттік нөмір', 'нөмір', 'номер строки', 'ref no'],
  },
  vin: {
    exact: ['вин'],
    contains: ['vin', 'идентификационный номер', 'vehicle identification number', 'сәйкестендіру нөмірі', 'vin код', 'vin номер'],
  },
  country: {
    exact: ['country', 'страна ввоза', 'юрисдикция', 'jurisdiction'],
    contains: ['страна ввоза', 'страна импорта', 'страна назначения', 'country of import', 'import country', 'destination country', 'әкелу елі', 'импорт елі'],
  },
  date: {
    exact: ['date', 'дата', 'күні'],
    contains: [
      'дата ввоза', 'дата импорта', 'дата пересечения', 'дата расчета', 'дата декларации', 'дата регистрации декларации',
      'дата подачи', 'дата тпо', 'дата дт', 'import date', 'date of import', 'border crossing date', 'calculation date',
      'rule date', 'declaration date', 'әкелу күні', 'есептеу күні', 'шекарадан өткен күні', 'декларация күні',
    ],
  },
  category: {
    exact: ['category', 'категория', 'санат', 'санаты', 'ктс', 'тип тс', 'вид тс'],
    contains: ['категория тс', 'категория транспортного', 'категория авто', 'vehicle category', 'көлік санаты', 'категория', 'санаты', 'category'],
  },
  offRoad: {
    exact: ['offroad', 'off road', 'внедорожник', '4x4', 'g'],
    contains: ['повышенной проходимости', 'внедорожн', 'off road', 'жол талғамайтын', 'жоғары өтімді'],
  },
  tractorUnit: {
    exact: ['tractorunit', 'тягач'],
    contains: ['седельный тягач', 'tractor unit', 'ершікті тартқыш', 'semi trailer tractor'],
  },
  internationalHaulage: {
    exact: ['internationalhaulage'],
    contains: ['международн', 'international haulage', 'international carriage', 'international transport', 'халықаралық тасымал'],
  },
  propulsion: {
    exact: ['propulsion', 'двигатель', 'топливо', 'fuel', 'отын', 'привод тип'],
    contains: [
      'тип двигателя', 'вид двигателя', 'вид топлива', 'тип топлива', 'силовая установка', 'тип силовой', 'fuel type',
      'engine type', 'powertrain', 'propulsion', 'қозғалтқыш түрі', 'қозғалтқыш типі', 'отын түрі', 'топливо',
    ],
  },
  engineCc: {
    exact: ['enginecc', 'cc', 'объем', 'куб', 'кубатура', 'көлемі', 'volume', 'displacement'],
    contains: [
      'объем двигателя', 'рабочий объем', 'объем двс', 'объем цилиндров', 'engine displacement', 'engine capacity',
      'engine volume', 'engine size', 'cylinder capacity', 'displacement', 'қозғалтқыш көлемі', 'жұмыс көлемі',
      'кубатура', 'объем',
    ],
    not: ['объем бака', 'объем батареи', 'battery', 'багажник'],
  },
  powerKw: {
    exact: ['powerkw'],
    contains: [],
  },
  powerHp: {
    exact: ['powerhp'],
    contains: [],
  },
  electricPower30minKw: {
    exact: ['electricpower30minkw'],
    contains: ['30 минут', '30 мин', '30 min', '30 minute', 'тридцатиминутн', '30 минуттық', 'получасов'],
  },
  grossMassKg: {
    exact: ['grossmasskg', 'масса', 'вес', 'gvw', 'gvm', 'mass', 'weight', 'салмағы', 'массасы'],
    contains: [
      'полная масса', 'разрешенная максимальная масса', 'максимальная масса', 'технически допустимая', 'максимальная разрешенная',
      'разрешенная масса', 'полный вес', 'gross mass', 'gross weight', 'gross vehicle', 'permissible maximum mass', 'max mass',
      'maximum mass', 'толық массасы', 'толық салмағы', 'рұқсат етілген ең жоғары', 'ең жоғары масса', 'масса',
    ],
    not: ['снаряж', 'curb', 'kerb', 'empty', 'порожн', 'без нагрузки', 'груза', 'грузоподъемн', 'payload', 'жүк көтергіштігі'],
  },
  productionDate: {
    exact: ['productiondate', 'год', 'year', 'жылы', 'жыл', 'my'],
    contains: [
      'год выпуска', 'дата выпуска', 'дата производства', 'год производства', 'год изготовления', 'дата изготовления',
      'модельный год', 'production date', 'date of manufacture', 'manufacture date', 'year of manufacture', 'model year',
      'year built', 'production year', 'manufacturing date', 'шығарылған жылы', 'шығарылған күні', 'шығарылған жыл',
      'жасалған жылы', 'өндірілген жылы', 'өндірілген күні',
    ],
  },
  importer: {
    exact: ['importer', 'импортер', 'импорттаушы', 'лицо', 'тип лица', 'декларант'],
    contains: ['импортер', 'importer', 'импорттаушы', 'тип импортера', 'тип лица', 'физ юр', 'declarant type'],
  },
  personalUse: {
    exact: ['personaluse'],
    contains: ['личного пользования', 'личное пользование', 'для себя', 'personal use', 'жеке пайдалан'],
  },
  dispatchCountry: {
    exact: ['dispatchcountry', 'откуда'],
    contains: ['страна отправления', 'страна отправки', 'страна вывоза', 'dispatch', 'shipped from', 'country of shipment', 'жөнелтілген ел', 'жөнелту елі', 'жөнелтуші ел'],
  },
  originCountry: {
    exact: ['origincountry', 'страна', 'origin', 'ел', 'made in'],
    contains: [
      'страна происхождения', 'страна производства', 'страна изготовителя', 'страна изготовления', 'страна сборки',
      'country of origin', 'origin country', 'country of manufacture', 'шығарылған ел', 'шығу елі', 'өндіруші ел',
      'шыққан елі', 'шыққан ел',
    ],
  },
  exemption: {
    exact: ['exemption', 'льгота', 'жеңілдік'],
    contains: ['льгот', 'освобожден', 'exemption', 'жеңілдік', 'босату'],
  },
  machineType: {
    exact: ['machinetype'],
    contains: ['вид техники', 'тип техники', 'тип машины', 'вид машины', 'machine type', 'техника түрі', 'машина түрі'],
  },
  make: {
    exact: ['make', 'марка', 'brand', 'маркасы', 'manufacturer', 'производитель', 'марка тс'],
    contains: ['марка', 'маркасы', 'brand'],
  },
  model: {
    exact: ['model', 'модель', 'моделі', 'үлгісі'],
    contains: ['модель', 'моделі'],
    not: ['модельный год', 'model year'],
  },
  colour: {
    exact: ['colour', 'color', 'цвет', 'түсі'],
    contains: ['цвет', 'colour', 'color'],
  },
  notes: {
    exact: ['notes', 'note', 'примечание', 'примечания', 'комментарий', 'comment', 'comments', 'remarks', 'ескертпе', 'ескерту', 'түсініктеме'],
    contains: ['примечани', 'комментари'],
  },
};

/** Generic power headers: the unit decides between powerKw and powerHp. */
const POWER_PHRASES = ['мощность', 'power', 'қуаты', 'қуат', 'мощн', 'output'];

interface UnitPattern {
  unit: Unit;
  re: RegExp;
}

/** Order matters: "л.с." must be taken as horsepower before "л" is taken as litres. */
const UNIT_PATTERNS: UnitPattern[] = [
  { unit: 'hp', re: /(?:^|\s)(?:л\s?с|hp|bhp|ps|а\s?к|ат күші|лошадиных сил|horsepower)(?=\s|$)/u },
  { unit: 'kw', re: /(?:^|\s)(?:квт|kw|kilowatts?|киловатт\p{L}*)(?=\s|$)/u },
  { unit: 'cc', re: /(?:^|\s)(?:см3|cm3|cc|куб\s?см|кубических сантиметр\p{L}*|ccm)(?=\s|$)/u },
  { unit: 'l', re: /(?:^|\s)(?:л|l|литр\p{L}*|litre\p{L}*|liter\p{L}*|ltr)(?=\s|$)/u },
  { unit: 'kg', re: /(?:^|\s)(?:кг|kg|килограмм\p{L}*)(?=\s|$)/u },
  { unit: 't', re: /(?:^|\s)(?:т|t|тонн\p{L}*|tonne\p{L}*|tons?)(?=\s|$)/u },
];

const UNITS_BY_FIELD: Partial<Record<ImportField, Unit[]>> = {
  engineCc: ['cc', 'l'],
  powerKw: ['kw', 'hp'],
  powerHp: ['kw', 'hp'],
  electricPower30minKw: ['kw', 'hp'],
  grossMassKg: ['kg', 't'],
};

export interface HeaderMatch {
  field: ImportField;
  unit: Unit | null;
  confidence: Confidence;
}

function findUnit(normalised: string, allowed: Unit[]): Unit | null {
  for (const p of UNIT_PATTERNS) if (allowed.includes(p.unit) && p.re.test(normalised)) return p.unit;
  return null;
}

function stripUnits(normalised: string): string {
  let s = ` ${normalised} `;
  for (const p of UNIT_PATTERNS) s = s.replace(new RegExp(p.re.source, 'gu'), ' ');
  return s.replace(/\s+/g, ' ').trim();
}

function containsPhrase(haystack: string, phrase: string): boolean {
  // Phrases are word-prefixes: "внедорожн" matches "внедорожник"; a phrase never starts mid-word.
  const idx = ` ${haystack}`.indexOf(` ${phrase}`);
  return idx >= 0;
}

const CANONICAL = new Map(IMPORT_FIELDS.map((f) => [f.toLowerCase(), f] as const));
const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** The field, unit and confidence of one header, or null when it is not recognised. */
export function recogniseHeader(header: string): HeaderMatch | null {
  const raw = header.trim();
  if (raw === '') return null;
  const canonical = CANONICAL.get(raw.replace(/[\s_-]+/g, '').toLowerCase());
  if (canonical) return { field: canonical, unit: null, confidence: 'high' };

  const norm = normaliseHeader(raw);
  const bare = stripUnits(norm);
  const power = matchPower(norm, bare, raw);
  let best: { field: ImportField; confidence: Confidence; length: number } | null = power
    ? { field: power.field, confidence: power.confidence, length: 100 }
    : null;

  for (const field of IMPORT_FIELDS) {
    const phrases = PHRASES[field];
    if (phrases.not?.some((n) => containsPhrase(norm, n))) continue;
    const consider = (confidence: Confidence, length: number) => {
      if (!best || RANK[confidence] > RANK[best.confidence] || (RANK[confidence] === RANK[best.confidence] && length > best.length)) {
        best = { field, confidence, length };
      }
    };
    for (const e of phrases.exact ?? []) if (bare === e || norm === e) consider(e.length <= 2 ? 'medium' : 'high', e.length);
    for (const c of phrases.contains ?? []) {
      if (!containsPhrase(norm, c)) continue;
      // A known phrase that is nearly the whole header is as good as an exact match.
      consider(c.length >= bare.length - 2 ? 'high' : 'medium', c.length);
    }
  }
  if (!best) return null;
  const found: { field: ImportField; confidence: Confidence } = best;
  const allowed = UNITS_BY_FIELD[found.field];
  const unit = allowed ? findUnit(norm, allowed) : null;
  if (found.field === 'grossMassKg' && unit === null && /\s?т$/.test(norm)) return { ...found, unit: 't' };
  return { field: found.field, unit, confidence: found.confidence };
}

/**
 * "Мощность, кВт" is powerKw, "Мощность, л.с." powerHp. A power header without a unit is a
 * guess: Russian and Kazakh lists state power in horsepower, English ones in kW.
 */
function matchPower(norm: string, bare: string, raw: string): HeaderMatch | null {
  if (PHRASES.electricPower30minKw.contains?.some((c) => containsPhrase(norm, c))) return null;
  const hit = POWER_PHRASES.some((p) => containsPhrase(norm, p));
  const unit = findUnit(norm, ['kw', 'hp']);
  if (!hit && !(unit && bare === '')) return null;
  if (unit === 'kw') return { field: 'powerKw', unit: 'kw', confidence: 'high' };
  if (unit === 'hp') return { field: 'powerHp', unit: 'hp', confidence: 'high' };
  const cyrillic = /\p{Script=Cyrillic}/u.test(raw);
  return cyrillic ? { field: 'powerHp', unit: null, confidence: 'low' } : { field: 'powerKw', unit: null, confidence: 'low' };
}

/** Text of a header cell, whatever exceljs or a CSV gave for it. */
export function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return '';
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim();
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return headerText(o.result);
  }
  return '';
}

/**
 * Map one header row. When two columns claim one field the surer one keeps it; the other is
 * reported as unmapped, so the broker sees it and can reassign it. `shared` keeps every claimant
 * (JSON records may each name a field their own way; the first non-empty value is used).
 */
export function mapHeaderRow(cells: RowCells, headerRow: number, options: { shared?: boolean } = {}): HeaderMapping {
  const columns: MappedColumn[] = [];
  const unmapped: UnmappedColumn[] = [];
  cells.forEach((cell, i) => {
    const header = headerText(cell);
    if (header === '') return;
    const column = i + 1;
    const match = recogniseHeader(header);
    if (!match) {
      unmapped.push({ column, header });
      return;
    }
    const rival = options.shared ? -1 : columns.findIndex((c) => c.field === match.field);
    if (rival < 0) {
      columns.push({ column, header, ...match });
      return;
    }
    const existing = columns[rival]!;
    if (RANK[match.confidence] > RANK[existing.confidence]) {
      columns[rival] = { column, header, ...match };
      unmapped.push({ column: existing.column, header: existing.header });
    } else {
      unmapped.push({ column, header });
    }
  });
  columns.sort((a, b) => a.column - b.column);
  unmapped.sort((a, b) => a.column - b.column);
  return { headerRow, columns, unmapped };
}

/** Number of distinct fields a row's cells name: the header row is the row that names most. */
export function headerScore(cells: RowCells): number {
  const fields = new Set<ImportField>();
  for (const cell of cells) {
    const text = headerText(cell);
    if (text.length > 80) continue;
    const match = recogniseHeader(text);
    if (match) fields.add(match.field);
  }
  return fields.size;
}

/**
 * Find the header row among the first rows of a sheet (title blocks, logos and addresses above
 * it are common) and map it. Null when no row names at least MIN_HEADER_FIELDS fields.
 */
export function detectHeader(rows: readonly { rowNumber: number; cells: RowCells }[]): HeaderMapping | null {
  let best: { rowNumber: number; cells: RowCells; score: number } | null = null;
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const score = headerScore(row.cells);
    if (score >= MIN_HEADER_FIELDS && (!best || score > best.score)) best = { ...row, score };
  }
  return best ? mapHeaderRow(best.cells, best.rowNumber) : null;
}
