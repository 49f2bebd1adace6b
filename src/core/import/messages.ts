/**
 * Issue messages in the three languages brokers work in. Each names the value that was wrong, so
 * a broker can find it in the sheet without the column letter.
 */
import type { ImportField, IssueCode, Language } from './types';

type Params = { value: string; field: ImportField; detail?: string };
type Template = (p: Params) => string;

const FIELD_LABELS: Record<ImportField, Record<Language, string>> = {
  id: { ru: 'Номер', kk: 'Нөмір', en: 'Reference' },
  vin: { ru: 'VIN', kk: 'VIN', en: 'VIN' },
  country: { ru: 'Страна ввоза', kk: 'Әкелу елі', en: 'Country of import' },
  date: { ru: 'Дата расчёта', kk: 'Есептеу күні', en: 'Rule date' },
  category: { ru: 'Категория ТС', kk: 'Көлік санаты', en: 'Category' },
  offRoad: { ru: 'Повышенной проходимости', kk: 'Жол талғамайтын', en: 'Off-road' },
  tractorUnit: { ru: 'Седельный тягач', kk: 'Ершікті тартқыш', en: 'Tractor unit' },
  internationalHaulage: { ru: 'Международные перевозки', kk: 'Халықаралық тасымалдау', en: 'International haulage' },
  propulsion: { ru: 'Тип двигателя', kk: 'Қозғалтқыш түрі', en: 'Propulsion' },
  engineCc: { ru: 'Объём двигателя', kk: 'Қозғалтқыш көлемі', en: 'Engine displacement' },
  powerKw: { ru: 'Мощность, кВт', kk: 'Қуаты, кВт', en: 'Power, kW' },
  powerHp: { ru: 'Мощность, л.с.', kk: 'Қуаты, а.к.', en: 'Power, hp' },
  electricPower30minKw: { ru: '30-минутная мощность, кВт', kk: '30 минуттық қуат, кВт', en: '30-minute power, kW' },
  grossMassKg: { ru: 'Полная масса', kk: 'Толық массасы', en: 'Gross mass' },
  productionDate: { ru: 'Дата выпуска', kk: 'Шығарылған күні', en: 'Production date' },
  importer: { ru: 'Импортёр', kk: 'Импорттаушы', en: 'Importer' },
  personalUse: { ru: 'Для личного пользования', kk: 'Жеке пайдалану үшін', en: 'Personal use' },
  dispatchCountry: { ru: 'Страна отправления', kk: 'Жөнелтілген ел', en: 'Country of dispatch' },
  originCountry: { ru: 'Страна происхождения', kk: 'Шығарылған ел', en: 'Country of origin' },
  exemption: { ru: 'Льгота', kk: 'Жеңілдік', en: 'Exemption' },
  machineType: { ru: 'Вид техники', kk: 'Техника түрі', en: 'Machine type' },
  make: { ru: 'Марка', kk: 'Маркасы', en: 'Make' },
  model: { ru: 'Модель', kk: 'Моделі', en: 'Model' },
  colour: { ru: 'Цвет', kk: 'Түсі', en: 'Colour' },
  notes: { ru: 'Примечание', kk: 'Ескертпе', en: 'Notes' },
};

export function fieldLabel(field: ImportField, language: Language): string {
  return FIELD_LABELS[field][language];
}

const MESSAGES: Record<IssueCode, Record<Language, Template>> = {
  'invalid-number': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — не число`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — сан емес`,
    en: (p) => `${label(p, 'en')}: "${p.value}" is not a number`,
  },
  'invalid-date': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — не дата (ожидается ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, ММ.ГГГГ или год)`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — күн емес (КК.АА.ЖЖЖЖ, ЖЖЖЖ-АА-КК, АА.ЖЖЖЖ немесе жыл күтіледі)`,
    en: (p) => `${label(p, 'en')}: "${p.value}" is not a date (expected DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or a year)`,
  },
  'invalid-vin': {
    ru: (p) => `VIN «${p.value}»: ${p.detail ?? 'неверный формат'} — проверьте номер`,
    kk: (p) => `VIN «${p.value}»: ${p.detail ?? 'пішімі қате'} — нөмірді тексеріңіз`,
    en: (p) => `VIN "${p.value}": ${p.detail ?? 'invalid format'} — check the number`,
  },
  'unknown-category': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — неизвестная категория (M1…M3, N1…N3, O1…O4, трактор, комбайн, спецтехника)`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — белгісіз санат (M1…M3, N1…N3, O1…O4, трактор, комбайн, арнайы техника)`,
    en: (p) => `${label(p, 'en')}: "${p.value}" is not a known category (M1…M3, N1…N3, O1…O4, tractor, combine, special)`,
  },
  'category-needs-mass': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — категорию (${p.detail}) нельзя определить без полной массы; укажите категорию или массу`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — санатты (${p.detail}) толық массасыз анықтау мүмкін емес; санатты немесе массаны көрсетіңіз`,
    en: (p) => `${label(p, 'en')}: "${p.value}" — the category (${p.detail}) depends on the gross mass; give the category or the mass`,
  },
  'unknown-propulsion': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — неизвестный тип (бензин, дизель, гибрид, последовательный гибрид, электро)`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — белгісіз түрі (бензин, дизель, гибрид, тізбекті гибрид, электр)`,
    en: (p) => `${label(p, 'en')}: "${p.value}" is not a known type (petrol, diesel, hybrid, series hybrid, electric)`,
  },
  'unknown-importer': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — укажите «физлицо» или «юрлицо/ИП»`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — «жеке тұлға» немесе «заңды тұлға/ЖК» деп көрсетіңіз`,
    en: (p) => `${label(p, 'en')}: "${p.value}" — give "individual" or "company"`,
  },
  'invalid-boolean': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — ожидается «да» или «нет»`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — «иә» немесе «жоқ» күтіледі`,
    en: (p) => `${label(p, 'en')}: "${p.value}" — expected yes or no`,
  },
  'unknown-country': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — неизвестная страна`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — белгісіз ел`,
    en: (p) => `${label(p, 'en')}: "${p.value}" is not a known country`,
  },
  'unsupported-country': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — утильсбор считается только для Казахстана, России и Беларуси`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — кәдеге жарату алымы тек Қазақстан, Ресей және Беларусь үшін есептеледі`,
    en: (p) => `${label(p, 'en')}: "${p.value}" — the fee is computed for Kazakhstan, Russia and Belarus only`,
  },
  'unit-assumed': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» — ${p.detail ?? ''}; проверьте единицы`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» — ${p.detail ?? ''}; өлшем бірлігін тексеріңіз`,
    en: (p) => `${label(p, 'en')}: "${p.value}" — ${p.detail ?? ''}; check the unit`,
  },
  'unit-converted': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» пересчитано в ${p.detail}`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» ${p.detail} есебіне айналдырылды`,
    en: (p) => `${label(p, 'en')}: "${p.value}" converted to ${p.detail}`,
  },
  'conflicting-values': {
    ru: (p) => `${label(p, 'ru')}: «${p.value}» расходится со значением из другой колонки (${p.detail}); использовано первое`,
    kk: (p) => `${label(p, 'kk')}: «${p.value}» басқа бағандағы мәнмен сәйкес емес (${p.detail}); біріншісі алынды`,
    en: (p) => `${label(p, 'en')}: "${p.value}" disagrees with another column (${p.detail}); the first was used`,
  },
};

/** Phrases used inside `detail` of unit and VIN messages. */
export const DETAILS = {
  assumedLitres: { ru: 'похоже на литры, пересчитано в см³', kk: 'литрге ұқсайды, см³-ге айналдырылды', en: 'looks like litres, converted to cm³' },
  assumedCc: { ru: 'похоже на см³, а не литры', kk: 'литр емес, см³-ге ұқсайды', en: 'looks like cm³, not litres' },
  assumedTonnes: { ru: 'похоже на тонны, пересчитано в кг', kk: 'тоннаға ұқсайды, кг-ға айналдырылды', en: 'looks like tonnes, converted to kg' },
  assumedKg: { ru: 'похоже на кг, а не тонны', kk: 'тонна емес, кг-ға ұқсайды', en: 'looks like kg, not tonnes' },
  vinLength: { ru: 'длина {n} вместо 17', kk: 'ұзындығы 17 емес, {n}', en: 'length {n} instead of 17' },
  vinChars: { ru: 'недопустимые символы (буквы I, O, Q не используются)', kk: 'рұқсат етілмеген таңбалар (I, O, Q әріптері қолданылмайды)', en: 'characters not allowed (I, O and Q are never used)' },
} as const satisfies Record<string, Record<Language, string>>;

function label(p: Params, language: Language): string {
  return FIELD_LABELS[p.field][language];
}

export function issueMessage(code: IssueCode, language: Language, params: Params): string {
  return MESSAGES[code][language](params);
}
