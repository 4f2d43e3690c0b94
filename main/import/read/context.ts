import type { ImportLayout, ImportSink, ReadOptions } from '../types';
import type { Cell } from './cells';
import { ServiceIndex, ServiceTypeIndex, type Named } from './names';

/** One row as either source delivers it: cells indexed by column number (1 = A), sparse. */
export interface SheetRow {
  number: number;
  cells: (Cell | undefined)[];
}

/** What the hidden `_outturn` sheet of a template says. */
export interface TemplateInfo {
  version: { text: string; cell: string } | null;
  period: { value: string; cell: string } | null;
  /** Sheet name to service id. */
  sheets: Map<string, { serviceId: string; serviceName: string | null; cell: string }>;
}

/** State shared by every sheet of one file; kept small (a few entries per table, never rows). */
export interface ReadContext {
  opts: ReadOptions;
  services: ServiceIndex<Named>;
  types: ServiceTypeIndex<Named>;
  sink: ImportSink;
  /** `serviceId|period` to the place the table was first seen, e.g. "KAD!A5". */
  tables: Map<string, string>;
  template: TemplateInfo | null;
  /** Template tables placed by their sheet name before `_outturn` was read, to check afterwards. */
  placedByName: { sheet: string; serviceId: string }[];
  layouts: Set<ImportLayout>;
  /** Titles and tables found, placed or not: none at all is worth saying. */
  found: number;
  /** A part could not be read: saying there is no table as well would only confuse. */
  damaged: boolean;
}

export function newContext(opts: ReadOptions, sink: ImportSink): ReadContext {
  return { opts, sink, services: new ServiceIndex(opts.services), types: new ServiceTypeIndex(opts.serviceTypes), tables: new Map(), template: null, placedByName: [], layouts: new Set(), found: 0, damaged: false };
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
