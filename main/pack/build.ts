import ExcelJS from 'exceljs';
import { UserError } from '../../shared/api/errors';
import { chooseSections, type PackSectionId } from '../../shared/pack/sections';
import { reportTitleFor } from '../../shared/pack/settings';
import { monthLabel } from '../../shared/periods';
import type { Workspace } from '../store/workspace';
import { approvalText, packApproval, type PackApproval } from './approval';
import { packSettings } from './settings';
import { createContentsSheet, fillContents } from './sections/contents';
import { areas } from '../areas';
import type { PackContext, PackSectionModule, SectionOutline } from './sections/types';
import { footerText } from './theme';
import { packTarget, writeWorkbookAtomically } from './write';
import { requirePeriod } from '../store/periods';

/**
 * The committee pack engine: one workbook, one sheet per section, sections in the order the FMR prints
 * them. Each area brings its sections as modules; the registry says which exist and in what order.
 */
function sectionModules(): PackSectionModule[] {
  return areas().flatMap((a) => a.pack ?? []);
}

export interface PackOptions {
  period: string;
  /** Which sections to include; all of them when not given. */
  sections?: readonly PackSectionId[];
  /** The approval to print, when the pack is built for a close still being made (main/core/close.ts); else the workspace's. */
  approval?: PackApproval;
}

export interface BuiltPack {
  workbook: ExcelJS.Workbook;
  outlines: SectionOutline[];
  /** Numeric cells across the pack: entered figures and computed totals. */
  figures: number;
}

/** A month written as one (YYYY-MM) and held by the workspace. */
function requireWrittenPeriod(ws: Workspace, period: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UserError('invalid_input', `"${period}" is not a month: write it YYYY-MM, for example 2023-08.`);
  requirePeriod(ws, period);
}

/** The title in the print footer: the period is added unless the title already names its month. */
export function footerTitle(reportTitle: string, period: string): string {
  const month = monthLabel(period).split(' ')[0]!;
  return reportTitle.includes(month) ? reportTitle : `${reportTitle} – ${monthLabel(period)}`;
}

export async function buildPackWithOutline(ws: Workspace, opts: PackOptions): Promise<BuiltPack> {
  requireWrittenPeriod(ws, opts.period);
  let order: PackSectionId[];
  try {
    order = chooseSections(opts.sections?.length ? opts.sections : undefined);
  } catch (err) {
    throw new UserError('invalid_input', `${(err as Error).message}.`);
  }
  const wanted = new Set<PackSectionId>(order);
  const settings = packSettings(ws, opts.period);
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
  const approval = opts.approval ?? packApproval(ws, opts.period);
  const approved = approval ? approvalText(approval) : null;
  if (approved) wb.description = `${approved}.`;
  const ctx: PackContext = {
    wb,
    ws,
    period: opts.period,
    periodLabel: monthLabel(opts.period),
    settings,
    reportTitle,
    footer: footerText({ left: settings.committee || settings.councilName, centre: footerTitle(reportTitle, opts.period), ...(approved ? { approval: approved } : {}) }),
    approval: approved,
    sheetNames: [],
  };
  const contents = wanted.has('contents') ? createContentsSheet(ctx) : null;
  const outlines: SectionOutline[] = [];
  const modules = new Map(sectionModules().map((m) => [m.id, m]));
  for (const id of order) {
    const module = modules.get(id);
    if (module) outlines.push(await module.build(ctx));
  }
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
