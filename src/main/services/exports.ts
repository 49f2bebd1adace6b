/**
 * A case (or some of its vehicles) as a workbook or CSV for the broker to save or send, and the
 * empty template carriers fill in. Files are written into the transfer store; the renderer gets
 * a download id (browser mode: `GET /download/<id>`; Electron: the shell's save dialog).
 */
import type { CaseSummary, Language } from '../../core/api/contract';
import { writeCaseWorkbook, type CaseRow } from '../io/case-workbook';
import { writeTemplate } from '../io/template';
import type { TransferStore } from '../io/transfers';
import type { VehicleService } from './vehicles';

const TEMPLATE_NAME: Record<Language, string> = { ru: 'шаблон-список-тс.xlsx', kk: 'үлгі-көлік-тізімі.xlsx', en: 'vehicle-list-template.xlsx' };
const CASE_WORD: Record<Language, string> = { ru: 'Дело', kk: 'Іс', en: 'Case' };

export class ExportService {
  constructor(
    private readonly vehicles: VehicleService,
    private readonly caseOf: (id: number) => CaseSummary,
    private readonly transfers: TransferStore,
  ) {}

  async exportCase(args: { caseId: number; vehicleIds?: number[] | undefined; format: 'xlsx' | 'csv'; language: Language }): Promise<{ downloadId: string; fileName: string }> {
    const kase = this.caseOf(args.caseId);
    const wanted = args.vehicleIds ? new Set(args.vehicleIds) : null;
    const rows: CaseRow[] = this.vehicles
      .list(args.caseId)
      .filter((v) => wanted === null || wanted.has(v.id))
      .map((v) => ({ record: v.record, result: v.result, country: typeof v.record.country === 'string' ? v.record.country : kase.country }));
    const out = await this.transfers.create(`${CASE_WORD[args.language]} ${kase.number}.${args.format}`);
    await writeCaseWorkbook(out.path, rows, args.format, {
      language: args.language,
      title: `${CASE_WORD[args.language]} ${kase.number} — ${kase.clientName} (${kase.country}, ${kase.ruleDate})`,
    });
    return { downloadId: out.id, fileName: out.name };
  }

  async template(language: Language): Promise<{ downloadId: string; fileName: string }> {
    const out = await this.transfers.create(TEMPLATE_NAME[language]);
    await writeTemplate(out.path, language);
    return { downloadId: out.id, fileName: out.name };
  }
}
