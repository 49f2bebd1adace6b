/**
 * The words printed on a fee statement, in the statement's own language (which may differ from
 * the interface language: a Kazakh-speaking broker may issue an English statement). Kept apart
 * from the renderer's locale files because a statement is a document with its own wording,
 * produced in the main process. Legal names of identifiers (ИИН/БИН, ИНН, УНП) stay as the
 * issuing country writes them, in every language.
 */
import type { Language } from '../api/contract';
import type { Confidence, Country, ScheduleStatus } from '../rates/schema';
import { russianPluralForm } from '../words';

export interface StatementLabels {
  title: string;
  numberDate(number: string, date: string): string;
  replaces(number: string, date: string): string;
  licence: string;
  phone: string;
  client: string;
  clientKind: { individual: string; company: string };
  taxId: Record<Country, { individual: string; company: string }>;
  address: string;
  caseNumber: string;
  reference: string;
  country: string;
  countries: Record<Country, string>;
  ruleDate: string;
  columns: {
    line: string;
    vin: string;
    makeModel: string;
    category: string;
    engine: string;
    production: string;
    row: string;
    base: string;
    fee: string;
  };
  units: { cc: string; kw: string; hp: string; kg: string };
  propulsion: Record<string, string>;
  offRoad: string;
  age(years: number): string;
  fixedAmount: string;
  totals: string;
  vehicles(count: number): string;
  inWords: string;
  legalBasis: string;
  effective(from: string, to: string | null): string;
  lastChecked(date: string): string;
  status: Record<ScheduleStatus, string>;
  confidence(level: Confidence): string;
  secondaryNote: string;
  unconfirmedNote(status: string): string;
  sources: string;
  assumptions: string;
  warnings: string;
  none: string;
  lines(lines: string): string;
  /** the count of further, similar sentences of one note left out of the list */
  moreNotes(count: number): string;
  broker: string;
  signature: string;
  stamp: string;
  receivedBy: string;
  verification: string;
  verifyHint: string;
  producedWith(version: string): string;
  cancelledMark: string;
  cancelledLine(date: string, reason: string): string;
  /** the cancellation reason stored when a corrected statement replaces this one */
  replacedBy(number: string): string;
  pageOf: { page: string; of: string };
}

const ruYears = (n: number) => `${n} ${['год', 'года', 'лет'][russianPluralForm(BigInt(n))]}`;

const ru: StatementLabels = {
  title: 'Расчёт утилизационного сбора',
  numberDate: (n, d) => `№ ${n} от ${d}`,
  replaces: (n, d) => `Взамен расчёта № ${n} от ${d}`,
  licence: 'Лицензия',
  phone: 'Тел.',
  client: 'Клиент',
  clientKind: { individual: 'физическое лицо', company: 'юридическое лицо / ИП' },
  taxId: { KZ: { individual: 'ИИН', company: 'БИН' }, RU: { individual: 'ИНН', company: 'ИНН' }, BY: { individual: 'УНП', company: 'УНП' } },
  address: 'Адрес',
  caseNumber: 'Дело',
  reference: 'Основание / ссылка',
  country: 'Страна',
  countries: { KZ: 'Казахстан', RU: 'Россия', BY: 'Беларусь' },
  ruleDate: 'Ставки применены на дату',
  columns: {
    line: '№',
    vin: 'VIN',
    makeModel: 'Марка, модель',
    category: 'Категория',
    engine: 'Объём / мощность / масса',
    production: 'Дата выпуска, возраст',
    row: 'Строка ставок',
    base: 'База × коэффициент',
    fee: 'Сбор',
  },
  units: { cc: 'см³', kw: 'кВт', hp: 'л.с.', kg: 'кг' },
  propulsion: { ice: 'ДВС', hybrid: 'гибрид', 'series-hybrid': 'последовательный гибрид', electric: 'электро' },
  offRoad: 'повышенной проходимости',
  age: ruYears,
  fixedAmount: 'фиксированная сумма',
  totals: 'Итого',
  vehicles: (n) => `${n} ${['транспортное средство', 'транспортных средства', 'транспортных средств'][russianPluralForm(BigInt(n))]}`,
  inWords: 'Сумма прописью',
  legalBasis: 'Правовое основание',
  effective: (from, to) => (to ? `действует с ${from} по ${to}` : `действует с ${from}`),
  lastChecked: (d) => `сверено ${d}`,
  status: { 'in-force': 'действует', draft: 'проект', unconfirmed: 'не подтверждён' },
  confidence: (c) => `Достоверность ставки: ${{ high: 'высокая', medium: 'средняя', low: 'низкая' }[c]}`,
  secondaryNote: 'Ставка взята из вторичного источника, а не из официальной публикации акта; сверьте её с официальным текстом.',
  unconfirmedNote: (s) => `Этот перечень ставок не подтверждён как действующий (статус: ${s}); применён по выбору брокера.`,
  sources: 'Источники',
  assumptions: 'Допущения',
  warnings: 'Предупреждения',
  none: 'нет',
  lines: (l) => `строки ${l}`,
  moreNotes: (n) => `…и ещё ${n} ${['такое же замечание', 'таких же замечания', 'таких же замечаний'][russianPluralForm(BigInt(n))]} по отдельным транспортным средствам`,
  broker: 'Таможенный представитель',
  signature: 'Подпись',
  stamp: 'М.П.',
  receivedBy: 'Расчёт получил',
  verification: 'Контрольный код',
  verifyHint: 'Подлинность копии проверяется по номеру и контрольному коду (полный код — в QR-коде).',
  producedWith: (v) => `Сформировано в Tamga ${v}`,
  cancelledMark: 'АННУЛИРОВАНО / CANCELLED',
  cancelledLine: (d, r) => `Аннулировано ${d}. Причина: ${r}`,
  replacedBy: (n) => `Заменён расчётом № ${n}`,
  pageOf: { page: 'Страница', of: 'из' },
};

const kk: StatementLabels = {
  title: 'Кәдеге жарату алымының есебі',
  numberDate: (n, d) => `№ ${n}, ${d}`,
  replaces: (n, d) => `№ ${n} (${d}) есептің орнына`,
  licence: 'Лицензия',
  phone: 'Тел.',
  client: 'Клиент',
  clientKind: { individual: 'жеке тұлға', company: 'заңды тұлға / ЖК' },
  taxId: { KZ: { individual: 'ЖСН (ИИН)', company: 'БСН (БИН)' }, RU: { individual: 'ИНН', company: 'ИНН' }, BY: { individual: 'УНП', company: 'УНП' } },
  address: 'Мекенжайы',
  caseNumber: 'Іс',
  reference: 'Негіздеме / сілтеме',
  country: 'Ел',
  countries: { KZ: 'Қазақстан', RU: 'Ресей', BY: 'Беларусь' },
  ruleDate: 'Мөлшерлемелер қолданылған күн',
  columns: {
    line: '№',
    vin: 'VIN',
    makeModel: 'Маркасы, моделі',
    category: 'Санаты',
    engine: 'Көлемі / қуаты / массасы',
    production: 'Шығарылған күні, жасы',
    row: 'Мөлшерлеме жолы',
    base: 'База × коэффициент',
    fee: 'Алым',
  },
  units: { cc: 'см³', kw: 'кВт', hp: 'а.к.', kg: 'кг' },
  propulsion: { ice: 'ІЖҚ', hybrid: 'гибрид', 'series-hybrid': 'тізбекті гибрид', electric: 'электр' },
  offRoad: 'жолсыз жерде жүретін',
  age: (n) => `${n} жыл`,
  fixedAmount: 'тіркелген сома',
  totals: 'Барлығы',
  vehicles: (n) => `${n} көлік құралы`,
  inWords: 'Жазбаша сомасы',
  legalBasis: 'Құқықтық негіз',
  effective: (from, to) => (to ? `${from} бастап ${to} дейін қолданылады` : `${from} бастап қолданылады`),
  lastChecked: (d) => `${d} тексерілген`,
  status: { 'in-force': 'күшінде', draft: 'жоба', unconfirmed: 'расталмаған' },
  confidence: (c) => `Мөлшерлеменің сенімділігі: ${{ high: 'жоғары', medium: 'орташа', low: 'төмен' }[c]}`,
  secondaryNote: 'Мөлшерлеме актінің ресми жарияланымынан емес, қосымша дереккөзден алынған; оны ресми мәтінмен салыстырыңыз.',
  unconfirmedNote: (s) => `Бұл мөлшерлемелер тізбесі күшінде екені расталмаған (мәртебесі: ${s}); брокердің таңдауы бойынша қолданылды.`,
  sources: 'Дереккөздер',
  assumptions: 'Болжамдар',
  warnings: 'Ескертулер',
  none: 'жоқ',
  lines: (l) => `жолдар ${l}`,
  moreNotes: (n) => `…және жекелеген көлік құралдары бойынша осындай тағы ${n} ескерту`,
  broker: 'Кеден өкілі',
  signature: 'Қолы',
  stamp: 'М.О.',
  receivedBy: 'Есепті алдым',
  verification: 'Бақылау коды',
  verifyHint: 'Көшірменің түпнұсқалығы нөмірі мен бақылау коды бойынша тексеріледі (толық коды QR-кодта).',
  producedWith: (v) => `Tamga ${v} бағдарламасында жасалды`,
  cancelledMark: 'ЖОЙЫЛДЫ / CANCELLED',
  cancelledLine: (d, r) => `${d} жойылды. Себебі: ${r}`,
  replacedBy: (n) => `№ ${n} есеппен ауыстырылды`,
  pageOf: { page: 'Бет', of: '/' },
};

const en: StatementLabels = {
  title: 'Recycling fee statement',
  numberDate: (n, d) => `No. ${n} of ${d}`,
  replaces: (n, d) => `Replaces statement No. ${n} of ${d}`,
  licence: 'Licence',
  phone: 'Tel.',
  client: 'Client',
  clientKind: { individual: 'individual', company: 'company / sole trader' },
  taxId: { KZ: { individual: 'IIN (ИИН)', company: 'BIN (БИН)' }, RU: { individual: 'INN (ИНН)', company: 'INN (ИНН)' }, BY: { individual: 'UNP (УНП)', company: 'UNP (УНП)' } },
  address: 'Address',
  caseNumber: 'Case',
  reference: 'Reference',
  country: 'Country',
  countries: { KZ: 'Kazakhstan', RU: 'Russia', BY: 'Belarus' },
  ruleDate: 'Rates applied as of',
  columns: {
    line: 'No.',
    vin: 'VIN',
    makeModel: 'Make, model',
    category: 'Category',
    engine: 'Engine / power / mass',
    production: 'Production date, age',
    row: 'Rate row',
    base: 'Base × coefficient',
    fee: 'Fee',
  },
  units: { cc: 'cm³', kw: 'kW', hp: 'hp', kg: 'kg' },
  propulsion: { ice: 'ICE', hybrid: 'hybrid', 'series-hybrid': 'series hybrid', electric: 'electric' },
  offRoad: 'off-road',
  age: (n) => `${n} ${n === 1 ? 'year' : 'years'}`,
  fixedAmount: 'fixed amount',
  totals: 'Total',
  vehicles: (n) => `${n} ${n === 1 ? 'vehicle' : 'vehicles'}`,
  inWords: 'Amount in words',
  legalBasis: 'Legal basis',
  effective: (from, to) => (to ? `in effect from ${from} to ${to}` : `in effect from ${from}`),
  lastChecked: (d) => `checked ${d}`,
  status: { 'in-force': 'in force', draft: 'draft', unconfirmed: 'unconfirmed' },
  confidence: (c) => `Rate confidence: ${c}`,
  secondaryNote: "This rate comes from a secondary source, not the act's official publication; check it against the official text.",
  unconfirmedNote: (s) => `This schedule is not confirmed as in force (status: ${s}); it was applied at the broker's choice.`,
  sources: 'Sources',
  assumptions: 'Assumptions',
  warnings: 'Warnings',
  none: 'none',
  lines: (l) => `lines ${l}`,
  moreNotes: (n) => `…and ${n} more of the same kind for individual vehicles`,
  broker: 'Customs broker',
  signature: 'Signature',
  stamp: 'Stamp',
  receivedBy: 'Received by',
  verification: 'Verification code',
  verifyHint: 'A copy is verified by its number and verification code (the full code is in the QR code).',
  producedWith: (v) => `Produced with Tamga ${v}`,
  cancelledMark: 'CANCELLED / АННУЛИРОВАНО',
  cancelledLine: (d, r) => `Cancelled on ${d}. Reason: ${r}`,
  replacedBy: (n) => `Replaced by statement No. ${n}`,
  pageOf: { page: 'Page', of: 'of' },
};

export const STATEMENT_LABELS: Record<Language, StatementLabels> = { ru, kk, en };
