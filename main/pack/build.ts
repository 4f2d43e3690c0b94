import ExcelJS from 'exceljs';
import { UserError } from '../../shared/api/errors';
import { PACK_SECTION_IDS, type PackSectionId } from '../../shared/pack/sections';
import { reportTitleFor } from '../../shared/pack/settings';
import { monthLabel } from '../../shared/periods';
import type { Workspace } from '../store/workspace';
import { packSettings } from './settings';
import { createContentsSheet, fillContents } from './sections/contents';
import { kadSection } from './sections/kad';
import type { PackContext, PackSectionModule, SectionOutline } from './sections/types';
import { footerText } from './theme';
import { packTarget, writeWorkbookAtomically } from './write';

/**
 * The committee pack engine: one workbook, one sheet per section, sections in the order the FMR prints
 * them. Each section is a module (main/pack/sections/); later areas add theirs to SECTION_MODULES.
 */
const SECTION_MODULES: readonly PackSectionModule[] = [kadSection];

export interface PackOptions {
  period: string;
  /** Which sections to include; all of them when not given. */
  sections?: readonly PackSectionId[];
}

export interface BuiltPack {
  workbook: ExcelJS.Workbook;
  outlines: SectionOutline[];
  /** Numeric cells across the pack: entered figures and computed totals. */
  figures: number;
}

function requirePeriod(ws: Workspace, period: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UserError('invalid_input', `"${period}" is not a month: write it YYYY-MM, for example 2023-08.`);
  if (!ws.db.prepare('SELECT 1 FROM periods WHERE id = ?').get(period)) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
}

/** The title in the print footer: the period is added unless the title already names its month. */
export function footerTitle(reportTitle: string, period: string): string {
  const month = monthLabel(period).split(' ')[0]!;
  return reportTitle.includes(month) ? reportTitle : `${reportTitle} – ${monthLabel(period)}`;
}

export async function buildPackWithOutline(ws: Workspace, opts: PackOptions): Promise<BuiltPack> {
  requirePeriod(ws, opts.period);
  const wanted = new Set<PackSectionId>(opts.sections?.length ? opts.sections : PACK_SECTION_IDS);
  const settings = packSettings(ws);
  const reportTitle = reportTitleFor(settings, opts.period);
  const wb = new ExcelJS.Workbook();
  // File properties name the council only: never the OS user who exported it.
  wb.creator = settings.councilName;
  wb.lastModifiedBy = settings.councilName;
  wb.company = settings.councilName;
  wb.title = reportTitle;
  wb.subject = [settings.committee, `Finance Monitoring Report appendices, ${monthLabel(opts.period)}`].filter(Boolean).join(' – ');
  wb.keywords = 'Finance Monitoring Report; committee pack';
  wb.category = 'Committee report';
  wb.created = new Date();
  wb.modified = wb.created;
  const ctx: PackContext = {
    wb,
    ws,
    period: opts.period,
    periodLabel: monthLabel(opts.period),
    settings,
    reportTitle,
    footer: footerText({ left: settings.committee || settings.councilName, centre: footerTitle(reportTitle, opts.period) }),
    sheetNames: [],
  };
  const contents = wanted.has('contents') ? createContentsSheet(ctx) : null;
  const outlines: SectionOutline[] = [];
  for (const module of SECTION_MODULES) if (wanted.has(module.id)) outlines.push(await module.build(ctx));
  if (contents) fillContents(contents, ctx, outlines);
  return { workbook: wb, outlines, figures: outlines.reduce((n, o) => n + o.figures, 0) };
}

export async function buildPack(ws: Workspace, opts: PackOptions): Promise<ExcelJS.Workbook> {
  return (await buildPackWithOutline(ws, opts)).workbook;
}

/** Builds the pack and writes it beside `file` first, renaming over it only once complete. */
export async function writePack(ws: Workspace, opts: PackOptions, file: string): Promise<{ file: string; sheets: number; figures: number }> {
  packTarget(file);
  const built = await buildPackWithOutline(ws, opts);
  const written = await writeWorkbookAtomically(built.workbook, file);
  return { file: written, sheets: built.workbook.worksheets.length, figures: built.figures };
}
