/**
 * An empty vehicle list to send to a carrier or client: a title row, a row of notes saying what
 * each column takes, the headers in the chosen language (the importer recognises them), and
 * drop-down lists for the coded columns, so the list comes back in a shape that imports cleanly.
 * The lists live on a hidden sheet: Excel caps an inline list at 255 characters.
 */
import ExcelJS from 'exceljs';
import { KNOWN_COUNTRY_CODES } from '../../core/import/countries';
import { fieldLabel } from '../../core/import/messages';
import type { ImportField, Language } from '../../core/import/types';
import { CATEGORIES, IMPORTERS, PROPULSIONS } from '../../core/rates/schema';
import { YES_NO } from './write';

/** Columns a carrier fills; the country of import and the rule date come from the case. */
export const TEMPLATE_FIELDS: readonly ImportField[] = [
  'id', 'vin', 'make', 'model', 'category', 'propulsion', 'engineCc', 'powerKw', 'powerHp', 'grossMassKg',
  'productionDate', 'importer', 'personalUse', 'dispatchCountry', 'originCountry', 'notes',
];
export const TEMPLATE_HEADER_ROW = 3;
const DATA_ROWS = 5000;

const TITLE: Record<Language, string> = {
  ru: 'Список транспортных средств для расчёта утилизационного сбора (Tamga)',
  kk: 'Кәдеге жарату алымын есептеуге арналған көлік құралдарының тізімі (Tamga)',
  en: 'Vehicle list for the recycling fee calculation (Tamga)',
};

const NOTES: Partial<Record<ImportField, Record<Language, string>>> = {
  id: { ru: 'ваш номер строки', kk: 'жолдың нөмірі', en: 'your reference' },
  vin: { ru: '17 знаков', kk: '17 таңба', en: '17 characters' },
  category: { ru: 'из списка: M1, N1 …', kk: 'тізімнен: M1, N1 …', en: 'from the list: M1, N1 …' },
  propulsion: { ru: 'из списка', kk: 'тізімнен', en: 'from the list' },
  engineCc: { ru: 'см³, напр. 1598 (или 1,6 л)', kk: 'см³, мысалы 1598 (немесе 1,6 л)', en: 'cm³, e.g. 1598 (or 1.6 l)' },
  powerKw: { ru: 'кВт', kk: 'кВт', en: 'kW' },
  powerHp: { ru: 'л.с.', kk: 'а.к.', en: 'hp' },
  grossMassKg: { ru: 'кг (или т)', kk: 'кг (немесе т)', en: 'kg (or t)' },
  productionDate: { ru: 'ДД.ММ.ГГГГ или год', kk: 'КК.АА.ЖЖЖЖ немесе жыл', en: 'DD.MM.YYYY or year' },
  importer: { ru: 'из списка', kk: 'тізімнен', en: 'from the list' },
  personalUse: { ru: 'да / нет', kk: 'иә / жоқ', en: 'yes / no' },
  dispatchCountry: { ru: 'код страны, напр. CN', kk: 'ел коды, мысалы CN', en: 'country code, e.g. CN' },
  originCountry: { ru: 'код страны, напр. DE', kk: 'ел коды, мысалы DE', en: 'country code, e.g. DE' },
};

const LISTS_SHEET = 'Lists';

/** exceljs 4.4 validates ranges (`E4:E5003`, written as one sqref) but its typings omit it. */
interface RangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export async function writeTemplate(path: string, language: Language): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet({ ru: 'ТС', kk: 'Көлік', en: 'Vehicles' }[language], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: TEMPLATE_HEADER_ROW }],
  });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const listColumns: Record<string, readonly string[]> = {
    category: CATEGORIES,
    propulsion: PROPULSIONS,
    importer: IMPORTERS,
    country: KNOWN_COUNTRY_CODES,
    yesNo: YES_NO[language],
  };
  const listRange: Record<string, string> = {};
  Object.entries(listColumns).forEach(([name, values], i) => {
    const col = String.fromCharCode(65 + i);
    values.forEach((v, r) => { lists.getCell(`${col}${r + 1}`).value = v; });
    listRange[name] = `${LISTS_SHEET}!$${col}$1:$${col}$${values.length}`;
  });

  ws.getCell(1, 1).value = TITLE[language];
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  TEMPLATE_FIELDS.forEach((field, i) => {
    const col = i + 1;
    const note = ws.getCell(2, col);
    note.value = NOTES[field]?.[language] ?? '';
    note.font = { italic: true, color: { argb: 'FF666666' }, size: 9 };
    const header = ws.getCell(TEMPLATE_HEADER_ROW, col);
    header.value = fieldLabel(field, language);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    ws.getColumn(col).width = Math.max(12, fieldLabel(field, language).length + 2, (NOTES[field]?.[language] ?? '').length + 1);
    const list = field === 'category' ? 'category' : field === 'propulsion' ? 'propulsion' : field === 'importer' ? 'importer'
      : field === 'dispatchCountry' || field === 'originCountry' ? 'country' : field === 'personalUse' ? 'yesNo' : null;
    if (list) {
      const letter = header.address.replace(/\d+$/, '');
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}${TEMPLATE_HEADER_ROW + 1}:${letter}${TEMPLATE_HEADER_ROW + DATA_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [listRange[list]!],
        showErrorMessage: true,
      });
    }
  });
  ws.autoFilter = { from: { row: TEMPLATE_HEADER_ROW, column: 1 }, to: { row: TEMPLATE_HEADER_ROW, column: TEMPLATE_FIELDS.length } };
  await workbook.xlsx.writeFile(path);
}
