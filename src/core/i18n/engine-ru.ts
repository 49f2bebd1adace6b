/** The engine's sentences in Russian (shape: engine-en.ts). */
import type { EngineMessages } from './engine-en';

/** "1 год", "2 года", "5 лет" */
const yearsNom = (n: number) => {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return `${n} год`;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return `${n} года`;
  return `${n} лет`;
};
/** after "не более", "старше": "1 года", "3 лет" */
const yearsGen = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? `${n} года` : `${n} лет`);

export const ru: EngineMessages = {
  dims: {
    category: 'категория', offRoad: 'повышенной проходимости (G)', tractorUnit: 'седельный тягач',
    internationalHaulage: 'международные перевозки', propulsion: 'тип двигателя', engineCc: 'объём двигателя',
    powerKw: 'мощность', powerHp: 'мощность', grossMassKg: 'полная масса', ageYears: 'возраст', importer: 'импортёр',
    personalUse: 'для личного пользования', dispatchCountry: 'страна отправления', originCountry: 'страна происхождения',
    exemption: 'льгота', machineType: 'вид техники',
  },
  units: { cc: 'см³', kW: 'кВт', hp: 'л. с.', kg: 'кг' },
  years: yearsNom,
  propulsion: { ice: 'ДВС', hybrid: 'гибрид', 'series-hybrid': 'последовательный гибрид', electric: 'электромобиль' },
  importer: { individual: 'физическое лицо', company: 'юридическое лицо / ИП' },
  confidence: { high: 'высокая', medium: 'средняя', low: 'низкая' },
  status: { 'in-force': 'действует', draft: 'проект', unconfirmed: 'не подтверждено' },
  expected: { text: 'текстом', number: 'числом', integer: 'целым числом', boolean: 'значением true или false' },
  list: (items) => items.join(', '),

  notObject: (v) => `Запись о транспортном средстве должна быть объектом с полями, получено ${v}`,
  required: (f) => `поле ${f} обязательно`,
  requiredFor: (f, c) => `поле ${f} обязательно для ${c}`,
  requiredForRate: (f, s) => `поле ${f} обязательно: ставка по ${s} зависит от него`,
  invalidType: (f, v, e) => `${f}: значение ${v} должно быть ${e}`,
  invalidEnum: (f, v, a) => `${f}: значение ${v} не входит в список ${a}`,
  invalidDate: (f, v) => `${f}: ${v} — не календарная дата в виде ГГГГ-ММ-ДД`,
  invalidPartialDate: (f, v) => `${f}: ${v} — не дата в виде ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ`,
  notPositive: (f, v) => `${f}: значение ${v} должно быть больше нуля`,
  invalidCountryCode: (f, v) => `${f}: ${v} — не двухбуквенный код страны (ISO 3166, например DE)`,
  vinLength: (v, n) => `vin: в ${v} ${n} знаков, а в VIN их 17`,
  vinCharacters: (v, b) => `vin: ${v} содержит ${b}; в VIN допускаются цифры и латинские буквы, кроме I, O и Q`,
  unknownCode: (f, v, c, a) => `${f}: код ${v} неизвестен для ${c} (известны: ${a})`,
  productionAfterRuleDate: (v, d) => `productionDate: ${v} позже расчётной даты ${d}`,
  personalUseCompany: () => 'personalUse: ввоз для личного пользования может заявить только физическое лицо, не организация',
  noRate: (veh, c, d) => `Нет известной ставки для ${c} ${veh} на ${d} в установленных данных о ставках`,
  internal: (d) => `Внутренняя ошибка при расчёте этой строки: ${d}`,

  vinCheckDigit: (vin, e, a) => `vin: в ${vin} контрольный знак ${a}, по североамериканскому правилу должен быть ${e}; вне Северной Америки контрольный знак не обязателен`,
  powerMismatch: (kw, hp, hpKw) => `powerKw ${kw} кВт и powerHp ${hp} л. с. (= ${hpKw} кВт) расходятся более чем на 1 %; для диапазонов в каждой единице используется своё значение`,
  unconfirmedAvailable: (s, st, fee, cur) => `Перечень ${s} (${st}, не применён) дал бы для этого ТС ${fee} ${cur}`,
  personalUseNotApplicable: (r) => `Заявлен ввоз для личного пользования, но льготная ставка не применяется: ${r}`,
  personalUseNoPreference: (c, d) => `Заявлен ввоз для личного пользования, но у ${c} нет льготной ставки для личного пользования на ${d}`,
  exemptionNotApplicable: (c) => `Заявлена льгота ${c}, но её условия для этого ТС не выполнены; сбор рассчитан без неё`,
  lowConfidence: (r) => `Строка ${r} имеет низкую достоверность: сверьте ставку с текстом акта`,
  derivedRate: (r) => `Строка ${r} получена расчётом из источников, сама ставка в источниках не напечатана`,
  secondarySource: (r) => `Строка ${r} основана только на вторичных источниках (нет официального)`,
  nearBandEdge: (w, v, e) => `${w} ${v} в пределах 1 % от границы диапазона ${e}: сверьте значение с документами ТС`,
  unknownField: (f) => `Поле ${f} не входит в запись о ТС и не учитывалось`,

  productionDayAssumed: (g, a, b) => `Дата выпуска ${g} неполная; принято ${a} (${b})`,
  powerConverted: (g, c) => `Мощность ${g} пересчитана в ${c} (1 л. с. = 0,7355 кВт)`,
  thirtyMinuteEstimated: (p, f, e, b) => `30-минутная мощность не указана; оценена как ${f} × пиковая ${p} кВт = ${e} кВт (${b})`,
  unconfirmedApplied: (s, st) => `Перечень ${s} (${st}) применён по выбору пользователя`,

  exceeds: (w, v, b) => `${w} ${v} больше ${b}`,
  reachesLimit: (w, v, b) => `${w} ${v} не меньше ${b}`,
  below: (w, v, b) => `${w} ${v} меньше ${b}`,
  notIn: (w, v, a) => `${w} ${v}, а нужно ${a}`,
  mustBe: (w, r) => `${w}: требуется «${r}»`,
  unknownValue: (w) => `${w} не указан(а)`,
  yes: 'да',
  no: 'нет',

  offRoadLabel: 'повышенной проходимости (G)',
  tractorUnitLabel: 'седельный тягач',
  internationalHaulageLabel: 'международные перевозки',
  personalUseLabel: 'для личного пользования',
  notLabel: (l) => `не ${l}`,
  fromCountries: (c) => `ввоз из ${c}`,
  madeIn: (c) => `произведено в ${c}`,
  ageAtMost: (n) => `не старше ${yearsGen(n)}`,
  ageUnder: (n) => `моложе ${yearsGen(n)}`,
  ageOver: (n) => `старше ${yearsGen(n)}`,
  ageAtLeast: (n) => `${yearsNom(n)} и старше`,
  over: (v) => `свыше ${v}`,
  atLeast: (v) => `от ${v}`,
  upTo: (v) => `до ${v} включительно`,
  under: (v) => `менее ${v}`,
  anyVehicle: 'любое ТС',

  explainSchedule: (id, t, st, act) => `Перечень ${id} «${t}» (${st}), основание: ${act}.`,
  explainRow: (l, ref) => (ref ? `Строка ${ref}: ${l}.` : `Строка: ${l}.`),
  explainBase: (b, cur, how) => `Базовая ставка ${b} ${cur}${how ? ` (${how})` : ''}.`,
  seriesBase: (m, s, v, f) => `${m} × ${s} ${v}, действует с ${f}`,
  explainFormula: (b, c, fee, cur) => `Сбор = ${b} × ${c} = ${fee} ${cur}.`,
  explainAmount: (fee, cur) => `Фиксированная сумма ${fee} ${cur}.`,
  explainZero: (r) => `Сбор не уплачивается: ${r}.`,
  explainAge: (y, p, d) => `Возраст: полных ${yearsNom(y)} с ${p} по ${d}.`,
  explainAssumption: (m) => `Допущение: ${m}.`,
  explainWarning: (m) => `Предупреждение: ${m}.`,
  explainConfidence: (c) => `Достоверность: ${c}.`,
  explainSources: (s) => `Источники: ${s}.`,
  explainFailed: (id) => (id ? `Строка ${id}: сбор не рассчитан.` : 'Сбор не рассчитан.'),
  explainError: (f, m) => `${f}: ${m}`,
  scenarioAsGiven: 'как введено',
  scenarioPersonal: 'физлицо, для личного пользования',
  scenarioCompany: 'юридическое лицо',
  scenarioCountry: (c) => `в ${c} на ту же дату`,
  scenarioWith: (id, st) => `с применением ${id} (${st})`,
};
