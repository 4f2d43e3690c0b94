import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbook } from '../../main/import/read/index';
import { kadReadableSpec } from '../../main/areas/kad/import/spec';
import { DEFAULT_IMPORT_LIMITS, describeProblem, type ImportLimits, type ImportLine, type ImportProblem, type ImportReported, type ImportSink, type ImportTable, type ReadOptions } from '../../main/import/types';
import { publishedTables, SERVICE_TYPE_OPTIONS, servicesOf } from './published';

/** A sink that keeps everything, for assertions. */
export interface Recorded {
  tables: ImportTable[];
  lines: ImportLine[];
  reported: ImportReported[];
  problems: ImportProblem[];
  progress: number[];
}

export function recordingSink(): { sink: ImportSink; rec: Recorded } {
  const rec: Recorded = { tables: [], lines: [], reported: [], problems: [], progress: [] };
  const sink: ImportSink = {
    table: (t) => rec.tables.push(t),
    line: (l) => rec.lines.push(l),
    reported: (r) => rec.reported.push(r),
    problem: (p) => rec.problems.push(p),
    progress: (n) => rec.progress.push(n),
  };
  return { sink, rec };
}

export function messages(rec: Recorded): string[] {
  return rec.problems.map(describeProblem);
}

export function readOptions(extra: Partial<Omit<ReadOptions, 'limits'>> & { limits?: Partial<ImportLimits> } = {}): ReadOptions {
  const { limits, ...rest } = extra;
  return { specs: [kadReadableSpec(servicesOf(publishedTables()), SERVICE_TYPE_OPTIONS)], ...rest, limits: { ...DEFAULT_IMPORT_LIMITS, ...limits } };
}

export async function read(file: string, extra: Parameters<typeof readOptions>[0] = {}) {
  const { sink, rec } = recordingSink();
  const result = await readWorkbook(file, sink, readOptions(extra));
  return { ...result, rec, messages: messages(rec) };
}

/** A scratch directory per test file; files are written under it by name, so sheet names are predictable. */
export function scratch(prefix = 'outturn-import-'): { file(name: string, data?: Buffer | string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    file(name, data) {
      const p = path.join(dir, name);
      if (data !== undefined) fs.writeFileSync(p, data);
      return p;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
