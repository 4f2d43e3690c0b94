import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { AppSession } from '../app/session';
import type { ImportJobStatus } from '../import/jobs';
import type { PreviewLine } from '../import/preview';
import type { MonthRange } from '../../shared/periods';
import { newMonthSentences } from '../../shared/import/new-months';

/** `outturn import`: preview, then apply unless --dry-run; exit 1 listing every problem when refused. */
export async function runImportCommand(
  args: { workspace: string; file: string; period?: string; months?: MonthRange | undefined; dryRun: boolean; json: boolean; maxRows?: number | undefined },
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const session = new AppSession(args.workspace, { readOnly: args.dryRun });
  try {
    if (!args.dryRun && session.ws.readOnly) throw new UserError('read_only', session.ws.readOnlyReason ?? 'This workspace is read-only.');
    const jobs = session.imports;
    const id = await jobs.start(path.resolve(args.file), { ...(args.period ? { period: args.period } : {}), ...(args.months ? { months: args.months } : {}), ...(args.maxRows ? { limits: { maxRowsPerSheet: args.maxRows } } : {}) });
    const status = await jobs.settled(id);
    if (status.state === 'nothing-to-do') {
      out(args.json ? JSON.stringify({ state: status.state, message: status.message }, null, 2) + '\n' : `${status.message}\n`);
      return 0;
    }
    if (status.state !== 'ready') {
      if (args.json) out(JSON.stringify({ state: status.state, message: status.message, problems: status.problems }, null, 2) + '\n');
      err(`${status.message}\n`);
      for (const p of status.problems) err(`${p}\n`);
      if (status.problemCount > status.problems.length) err(`… and ${status.problemCount - status.problems.length} more.\n`);
      return 1;
    }
    const lines = changedLines(status, (tableId) => jobs.lines(id, tableId, 'all', 0, 200));
    if (!args.json) printPreview(status, lines, out);
    if (args.dryRun) {
      if (args.json) out(JSON.stringify({ state: 'preview', tables: status.tables, changes: lines, notes: status.notes }, null, 2) + '\n');
      else out('Dry run: nothing was changed.\n');
      jobs.cancel(id);
      return 0;
    }
    const applied = await jobs.apply(id, 'cli');
    if (args.json) out(JSON.stringify({ state: applied.state, message: applied.message, tables: status.tables, changes: lines, notes: status.notes, backup: applied.backup?.file ?? null }, null, 2) + '\n');
    else {
      out(`${applied.message}\n`);
      if (applied.backup) out(`A backup of the workspace as it was is at ${applied.backup.file}\n`);
    }
    return 0;
  } finally {
    session.close();
  }
}

/** Cell-level detail for the first tables only: a history workbook can hold a million changed cells. */
export const PREVIEW_CELL_LIMIT = 500;

function changedLines(status: ImportJobStatus, linesOf: (tableId: string) => PreviewLine[]): Record<string, PreviewLine[]> {
  const out: Record<string, PreviewLine[]> = {};
  let cells = 0;
  for (const t of status.tables) {
    if (cells >= PREVIEW_CELL_LIMIT) break;
    if (!t.newLines && !t.changedLines) continue;
    out[t.tableId] = linesOf(t.tableId).filter((l) => l.status !== 'unchanged');
    cells += out[t.tableId]!.reduce((n, l) => n + l.cells.length, 0);
  }
  return out;
}

function printPreview(status: ImportJobStatus, lines: Record<string, PreviewLine[]>, out: (s: string) => void): void {
  out(`${status.fileName} (${status.rowsRead} rows read, SHA-256 ${status.sha256.slice(0, 12)}…)\n`);
  const shown = 50;
  for (const t of status.tables.slice(0, shown)) {
    const flags = [t.newSubject ? `new ${t.subjectNoun}` : '', t.newMonth ? 'new month' : ''].filter(Boolean).join(', ');
    out(`${t.layout === 'records' ? '' : `${t.sheet}!A${t.row}: `}${t.subjectName}, ${t.periodLabel}${flags ? ` (${flags})` : ''}: ${t.newLines} new, ${t.changedLines} changed, ${t.unchangedLines} unchanged lines; ${t.reportedValues} reported figures\n`);
    for (const l of lines[t.tableId] ?? []) {
      // Only the figures the file brings: a blank landing on a blank says nothing.
      // Figures worked out from records (an extract) come from no one cell.
      const where = (c: PreviewLine['cells'][number]) => (t.layout === 'records' ? '' : ` (${t.sheet}!${c.cell})`);
      for (const c of l.cells.filter((x) => x.new || x.old)) out(`  ${l.status === 'new' ? '+' : '~'} ${l.label} · ${c.header}${where(c)}: ${c.old ?? 'new'} → ${c.new || 'blank'}\n`);
    }
  }
  const sum = (list: ImportJobStatus['tables'], k: 'newLines' | 'changedLines' | 'unchangedLines' | 'changedCells' | 'reportedValues') => list.reduce((n, t) => n + t[k], 0);
  if (status.tables.length > shown) {
    const rest = status.tables.slice(shown);
    out(`… and ${rest.length} more tables: ${sum(rest, 'newLines')} new, ${sum(rest, 'changedLines')} changed, ${sum(rest, 'unchangedLines')} unchanged lines\n`);
  }
  if (status.notes.length) {
    out(`Worth knowing (these do not stop the import):\n`);
    for (const n of status.notes) out(`  ${n}\n`);
  }
  const all = status.tables;
  out(
    `In all: ${all.length} table${all.length === 1 ? '' : 's'}, ${sum(all, 'newLines')} new lines, ${sum(all, 'changedLines')} changed lines (${sum(all, 'changedCells')} changed figures), ` +
      `${sum(all, 'unchangedLines')} unchanged lines, ${sum(all, 'reportedValues')} reported figures.\n`,
  );
  for (const sentence of newMonthSentences(all)) out(`${sentence}\n`);
}
