import type { Language } from '../../core/import/types';
import type { VehicleFileErrorCode } from './types';

const MESSAGES: Record<VehicleFileErrorCode, Record<Language, (d: string) => string>> = {
  'not-found': {
    ru: (d) => `Файл не найден: ${d}`,
    kk: (d) => `Файл табылмады: ${d}`,
    en: (d) => `File not found: ${d}`,
  },
  'unsupported-format': {
    ru: (d) => `Формат файла «${d}» не поддерживается: используйте .xlsx, .csv или .json`,
    kk: (d) => `«${d}» файл пішіміне қолдау көрсетілмейді: .xlsx, .csv немесе .json қолданыңыз`,
    en: (d) => `The file format "${d}" is not supported: use .xlsx, .csv or .json`,
  },
  'xls-not-supported': {
    ru: () => 'Старый формат .xls не поддерживается: откройте файл в Excel и сохраните его как .xlsx (Файл → Сохранить как → Книга Excel)',
    kk: () => 'Ескі .xls пішіміне қолдау көрсетілмейді: файлды Excel-де ашып, .xlsx ретінде сақтаңыз (Файл → Басқаша сақтау → Excel кітабы)',
    en: () => 'The old .xls format is not supported: open the file in Excel and save it as .xlsx (File → Save As → Excel Workbook)',
  },
  'corrupt-file': {
    ru: (d) => `Файл повреждён или это не файл Excel .xlsx (${d})`,
    kk: (d) => `Файл бүлінген немесе бұл Excel .xlsx файлы емес (${d})`,
    en: (d) => `The file is damaged or is not an Excel .xlsx file (${d})`,
  },
  'invalid-json': {
    ru: (d) => `Файл .json не читается: ожидается массив записей (${d})`,
    kk: (d) => `.json файлы оқылмайды: жазбалар массиві күтіледі (${d})`,
    en: (d) => `The .json file cannot be read: expected an array of records (${d})`,
  },
  'empty-file': {
    ru: () => 'В файле нет данных',
    kk: () => 'Файлда деректер жоқ',
    en: () => 'The file has no data',
  },
  'no-header': {
    ru: (d) => `Не найдена строка заголовков (${d}): нужны хотя бы две узнаваемые колонки, например «VIN» и «Объём двигателя»`,
    kk: (d) => `Тақырып жолы табылмады (${d}): кемінде екі танылатын баған керек, мысалы «VIN» және «Қозғалтқыш көлемі»`,
    en: (d) => `No header row found (${d}): at least two recognisable columns are needed, such as "VIN" and "Engine displacement"`,
  },
  'sheet-not-found': {
    ru: (d) => `Лист «${d}» не найден в файле`,
    kk: (d) => `Файлда «${d}» парағы табылмады`,
    en: (d) => `Sheet "${d}" is not in the file`,
  },
  aborted: {
    ru: () => 'Чтение файла отменено',
    kk: () => 'Файлды оқу тоқтатылды',
    en: () => 'Reading the file was cancelled',
  },
  'too-large': {
    ru: (d) => `Файл слишком велик или устроен как zip-бомба, он не читается (${d}). Разделите список на несколько файлов`,
    kk: (d) => `Файл тым үлкен немесе zip-бомба сияқты құрылған, ол оқылмайды (${d}). Тізімді бірнеше файлға бөліңіз`,
    en: (d) => `The file is too large or built like a zip bomb and is not read (${d}). Split the list into several files`,
  },
  'write-failed': {
    ru: (d) => `Не удалось записать файл: ${d}`,
    kk: (d) => `Файлды жазу мүмкін болмады: ${d}`,
    en: (d) => `The file could not be written: ${d}`,
  },
};

/** A file that cannot be read or written as a whole; `message` is in the caller's language. */
export class VehicleFileError extends Error {
  override readonly name = 'VehicleFileError';
  constructor(
    readonly code: VehicleFileErrorCode,
    readonly language: Language,
    readonly detail: string = '',
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code][language](detail), options);
  }
}

/** A part of a file that could not be read (a zip part, a sheet): damaged, with the reader's own words. */
export function damagedPart(language: Language, part: string, cause: unknown): VehicleFileError {
  return new VehicleFileError('corrupt-file', language, `${part}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}

export function isVehicleFileError(e: unknown): e is VehicleFileError {
  return e instanceof VehicleFileError;
}
