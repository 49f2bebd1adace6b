/**
 * The statement panel's own words, in the interface language. Kept beside the panel (not in
 * i18n/locales, which other screens own) so this separate component can be mounted without edits
 * to shared files; the lead may move these keys into the locale files later. Error codes still
 * go through the shared `apiError.*` keys.
 */
import type { Language } from '../../../core/api/contract';

export interface StatementTexts {
  heading: string;
  none: string;
  language: string;
  languages: Record<Language, string>;
  issue: string;
  issuing: string;
  issued(number: string): string;
  list: string;
  number: string;
  date: string;
  total: string;
  state: string;
  active: string;
  cancelled: string;
  replaces(number: string): string;
  replacedBy(number: string): string;
  open: string;
  preview(number: string): string;
  print: string;
  savePdf: string;
  /** why issuing was refused, by the issue code the service gives */
  refused: Partial<Record<string, string>>;
  cancel: string;
  cancelReason: string;
  cancelConfirm: string;
  cancelDone(number: string): string;
  reissue: string;
  reissued(number: string): string;
  diff: string;
  diffHeading: string;
  diffNone: string;
  line: string;
  vin: string;
  oldFee: string;
  newFee: string;
  noRate: string;
  code: string;
  vehicles(n: number): string;
}

const ru: StatementTexts = {
  heading: 'Расчёты (печатные)',
  none: 'По этому делу расчётов ещё нет.',
  language: 'Язык расчёта',
  languages: { ru: 'Русский', kk: 'Қазақша', en: 'English' },
  issue: 'Выпустить расчёт',
  issuing: 'Выпускается…',
  issued: (n) => `Выпущен расчёт № ${n}.`,
  list: 'Выпущенные расчёты',
  number: 'Номер',
  date: 'Дата',
  total: 'Сумма',
  state: 'Состояние',
  active: 'действует',
  cancelled: 'аннулирован',
  replaces: (n) => `взамен № ${n}`,
  replacedBy: (n) => `заменён № ${n}`,
  open: 'Открыть',
  preview: (n) => `Расчёт № ${n}: предпросмотр`,
  print: 'Печать',
  savePdf: 'Сохранить PDF',
  refused: {
    'vehicle-has-errors': 'В расчёт не попадают строки с ошибками: исправьте их в таблице или выберите другие автомобили.',
    'no-profile': 'Сначала сохраните профиль брокера в настройках: его название и лицензия печатаются в расчёте.',
    'no-vehicles': 'В деле нет автомобилей для расчёта.',
    'already-cancelled': 'Этот расчёт уже аннулирован.',
    'already-replaced': 'Этот расчёт уже заменён; исправляйте новый.',
  },
  cancel: 'Аннулировать',
  cancelReason: 'Причина аннулирования',
  cancelConfirm: 'Аннулировать расчёт',
  cancelDone: (n) => `Расчёт № ${n} аннулирован; запись сохранена.`,
  reissue: 'Выпустить исправленный',
  reissued: (n) => `Выпущен исправленный расчёт № ${n}.`,
  diff: 'Пересчитать по текущим ставкам',
  diffHeading: 'По текущим ставкам (выпущенный расчёт не меняется)',
  diffNone: 'По текущим ставкам суммы те же.',
  line: '№',
  vin: 'VIN',
  oldFee: 'В расчёте',
  newFee: 'Сейчас',
  noRate: 'нет ставки',
  code: 'Контрольный код',
  vehicles: (n) => `ТС: ${n}`,
};

const kk: StatementTexts = {
  heading: 'Есептер (басылатын)',
  none: 'Бұл іс бойынша әлі есеп жоқ.',
  language: 'Есептің тілі',
  languages: { ru: 'Русский', kk: 'Қазақша', en: 'English' },
  issue: 'Есеп шығару',
  issuing: 'Шығарылуда…',
  issued: (n) => `№ ${n} есеп шығарылды.`,
  list: 'Шығарылған есептер',
  number: 'Нөмірі',
  date: 'Күні',
  total: 'Сомасы',
  state: 'Күйі',
  active: 'күшінде',
  cancelled: 'жойылған',
  replaces: (n) => `№ ${n} орнына`,
  replacedBy: (n) => `№ ${n} ауыстырды`,
  open: 'Ашу',
  preview: (n) => `№ ${n} есеп: алдын ала қарау`,
  print: 'Басып шығару',
  savePdf: 'PDF ретінде сақтау',
  refused: {
    'vehicle-has-errors': 'Қатесі бар жолдар есепке кірмейді: оларды кестеде түзетіңіз немесе басқа көліктерді таңдаңыз.',
    'no-profile': 'Алдымен баптауларда брокер профилін сақтаңыз: оның атауы мен лицензиясы есепте басылады.',
    'no-vehicles': 'Істе есепке арналған көлік жоқ.',
    'already-cancelled': 'Бұл есеп бұрын жойылған.',
    'already-replaced': 'Бұл есеп бұрын ауыстырылған; жаңасын түзетіңіз.',
  },
  cancel: 'Жою',
  cancelReason: 'Жою себебі',
  cancelConfirm: 'Есепті жою',
  cancelDone: (n) => `№ ${n} есеп жойылды; жазба сақталды.`,
  reissue: 'Түзетілген есеп шығару',
  reissued: (n) => `№ ${n} түзетілген есеп шығарылды.`,
  diff: 'Ағымдағы мөлшерлемелермен қайта есептеу',
  diffHeading: 'Ағымдағы мөлшерлемелер бойынша (шығарылған есеп өзгермейді)',
  diffNone: 'Ағымдағы мөлшерлемелер бойынша сомалар өзгермеген.',
  line: '№',
  vin: 'VIN',
  oldFee: 'Есепте',
  newFee: 'Қазір',
  noRate: 'мөлшерлеме жоқ',
  code: 'Бақылау коды',
  vehicles: (n) => `КҚ: ${n}`,
};

const en: StatementTexts = {
  heading: 'Statements (printed)',
  none: 'No statements for this case yet.',
  language: 'Statement language',
  languages: { ru: 'Русский', kk: 'Қазақша', en: 'English' },
  issue: 'Issue statement',
  issuing: 'Issuing…',
  issued: (n) => `Statement No. ${n} issued.`,
  list: 'Issued statements',
  number: 'Number',
  date: 'Date',
  total: 'Total',
  state: 'State',
  active: 'in force',
  cancelled: 'cancelled',
  replaces: (n) => `replaces No. ${n}`,
  replacedBy: (n) => `replaced by No. ${n}`,
  open: 'Open',
  preview: (n) => `Statement No. ${n}: preview`,
  print: 'Print',
  savePdf: 'Save as PDF',
  refused: {
    'vehicle-has-errors': 'Rows with errors cannot go on a statement: correct them in the grid or choose other vehicles.',
    'no-profile': 'Save the broker profile in Settings first: its name and licence head every statement.',
    'no-vehicles': 'The case has no vehicles to put on a statement.',
    'already-cancelled': 'This statement is already cancelled.',
    'already-replaced': 'This statement was already replaced; correct the new one.',
  },
  cancel: 'Cancel statement',
  cancelReason: 'Reason for cancelling',
  cancelConfirm: 'Cancel this statement',
  cancelDone: (n) => `Statement No. ${n} cancelled; the record is kept.`,
  reissue: 'Issue a corrected statement',
  reissued: (n) => `Corrected statement No. ${n} issued.`,
  diff: 'Recompute with current rates',
  diffHeading: 'Under the current rates (the issued statement does not change)',
  diffNone: 'The current rates give the same amounts.',
  line: 'No.',
  vin: 'VIN',
  oldFee: 'On the statement',
  newFee: 'Now',
  noRate: 'no rate',
  code: 'Verification code',
  vehicles: (n) => `Vehicles: ${n}`,
};

export const STATEMENT_TEXTS: Record<Language, StatementTexts> = { ru, kk, en };
