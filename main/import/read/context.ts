import type { ImportLayout, ImportSink, ReadOptions } from '../types';
import type { Named, ReadableSpec } from '../spec';
import type { Cell } from './cells';
import { NameIndex } from './names';

/** One row as either source delivers it: cells indexed by column number (1 = A), sparse. */
export interface SheetRow {
  number: number;
  cells: (Cell | undefined)[];
}

/** What the hidden `_outturn` sheet of a template says. */
export interface TemplateInfo {
  version: { text: string; cell: string } | null;
  period: { value: string; cell: string } | null;
  /** Sheet name to the table it holds: which layout, and which subject. */
  sheets: Map<string, { spec: string; subjectId: string; subjectName: string | null; cell: string }>;
}

/** State shared by every sheet of one file; kept small (a few entries per table, never rows). */
export interface ReadContext {
  opts: ReadOptions;
  sink: ImportSink;
  /** Each layout's subjects, indexed once per file. */
  subjects: Map<string, NameIndex<Named>>;
  /** `spec|subjectId|period` to the place the table was first seen, e.g. "Sheet1!A5". */
  tables: Map<string, string>;
  template: TemplateInfo | null;
  /** Template tables placed by their sheet name before `_outturn` was read, to check afterwards. */
  placedByName: { sheet: string; spec: string; subjectId: string }[];
  layouts: Set<ImportLayout>;
  /** Titles and tables found, placed or not: none at all is worth saying. */
  found: number;
  /** A part could not be read: saying there is no table as well would only confuse. */
  damaged: boolean;
  /** The month the file says it is of, outside any table ("Period: August 2023" on a pack's contents sheet). */
  documentMonth: string | null;
}

export function newContext(opts: ReadOptions, sink: ImportSink): ReadContext {
  const subjects = new Map(opts.specs.map((s) => [s.id, new NameIndex(s.subjects.list)]));
  return { opts, sink, subjects, tables: new Map(), template: null, placedByName: [], layouts: new Set(), found: 0, damaged: false, documentMonth: null };
}

export function specOf(ctx: ReadContext, id: string): ReadableSpec | undefined {
  return ctx.opts.specs.find((s) => s.id === id);
}

export function subjectsOf(ctx: ReadContext, spec: ReadableSpec): NameIndex<Named> {
  return ctx.subjects.get(spec.id)!;
}

export function isBlankRow(row: SheetRow): boolean {
  for (const cell of row.cells) {
    if (!cell) continue;
    const v = cell.value;
    if (v.kind === 'blank') continue;
    if (v.kind === 'text' && v.text.trim() === '') continue;
    return false;
  }
  return true;
}
