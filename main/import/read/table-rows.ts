import type { Hundredths } from '../../../shared/units';
import type { ReadableSpec, RowKind } from '../spec';
import type { ImportLayout, ImportReported } from '../types';
import { address } from './a1';
import { amountOf, asFound, dotOf, textOf, type Cell } from './cells';
import type { ReadContext, SheetRow } from './context';
import type { HeaderMap } from './headers';
import { MSG } from './messages';

/** What a table body needs to remember between rows. */
export interface BodyState {
  spec: ReadableSpec;
  tableId: string;
  sheet: string;
  layout: ImportLayout;
  header: HeaderMap;
  /** False when the table could not be placed (unknown subject or month, or a duplicate): rows are still checked. */
  emit: boolean;
  ended: boolean;
  afterTotal: boolean;
  /** Row key to the row it was first seen on. */
  seen: Map<string, number>;
  /** The table's subject, when known. */
  subjectId: string | null;
}

const BLANK_CELL = (col: number, row: number): Cell => ({ address: address(col, row), value: { kind: 'blank' } });

/**
 * One body row of a table: a line, a derived row (kept as reported values), a heading, or — after the
 * table's closing row — the prose that follows a published table.
 */
export function readBodyRow(ctx: ReadContext, state: BodyState, row: SheetRow): void {
  const { header, spec } = state;
  const sheet = state.sheet;
  const cellAt = (col: number) => row.cells[col] ?? BLANK_CELL(col, row.number);
  const hasFigures = header.columns.some((c) => c.spec.role !== 'key' && c.spec.role !== 'label' && c.spec.role !== 'info' && row.cells[c.col] && row.cells[c.col]!.value.kind !== 'blank');

  let kind: RowKind | null = null;
  let labelCell: Cell | null = null;
  let label = '';
  if (header.keyCol !== null) {
    const keyCell = cellAt(header.keyCol);
    const key = textOf(keyCell.value);
    if (!key.ok) {
      ctx.sink.problem({ sheet, cell: keyCell.address, value: asFound(keyCell.value), reason: key.reason });
      return;
    }
    const wanted = key.value.trim();
    if (wanted) {
      labelCell = keyCell;
      kind = spec.rowByKey(wanted, state.subjectId);
      if (!kind) {
        ctx.sink.problem({ sheet, cell: keyCell.address, value: wanted, reason: MSG.unknownLineKey(spec.name) });
        return;
      }
    }
  }
  if (header.labelCol !== null) {
    const cell = cellAt(header.labelCol);
    const text = textOf(cell.value);
    if (!text.ok) {
      ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: text.reason });
      return;
    }
    label = text.value.trim();
    if (!kind) {
      labelCell = cell;
      if (!label) {
        if (hasFigures && spec.unlabelledRow && !state.afterTotal && !state.seen.has(spec.unlabelledRow.kind === 'skip' ? '' : spec.unlabelledRow.key)) kind = spec.unlabelledRow;
        else if (state.afterTotal) {
          // What follows a table's closing total without a label (a key, a note across the table's width) is not the table's.
          state.ended = true;
          return;
        } else {
          if (hasFigures) ctx.sink.problem({ sheet, cell: cell.address, value: null, reason: MSG.noLabel(spec.rowNoun) });
          return;
        }
      } else kind = spec.rowByLabel(label, state.subjectId, state.seen);
    }
  }
  if (!kind || !labelCell) {
    if (!labelCell) {
      if (hasFigures) ctx.sink.problem({ sheet, cell: address(header.keyCol ?? 1, row.number), value: null, reason: MSG.noLabel(spec.rowNoun) });
      return;
    }
    // Prose under a published table ("The LDP includes service-users …") ends it.
    if (!hasFigures && state.afterTotal) {
      state.ended = true;
      return;
    }
    ctx.sink.problem({ sheet, cell: labelCell.address, value: label, reason: MSG.unknownRow(spec.rowNoun, spec.name) });
    return;
  }
  if (kind.kind === 'skip' || (kind.kind === 'line' && kind.blankIsHeading && !hasFigures)) return;

  const rowKey = kind.key;
  const earlier = state.seen.get(rowKey);
  if (earlier !== undefined) {
    ctx.sink.problem({ sheet, cell: labelCell.address, value: asFound(labelCell.value), reason: MSG.duplicateRow(earlier) });
    return;
  }
  state.seen.set(rowKey, row.number);

  let ok = true;
  const values: Partial<Record<string, Hundredths | string | null>> = {};
  const cells: Partial<Record<string, string>> = {};
  const reported: ImportReported[] = [];
  for (const column of header.columns) {
    const cell = cellAt(column.col);
    const role = column.spec.role;
    if (role === 'key' || role === 'label' || role === 'info') continue;
    if (role === 'dot') {
      const dot = dotOf(cell.value);
      if (!dot.ok) {
        ok = false;
        ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: dot.reason });
      } else if (dot.value !== null) {
        reported.push({ tableId: state.tableId, rowKey, column: column.key, value: null, text: dot.value, cell: cell.address });
      }
      continue;
    }
    if (column.spec.text) {
      const words = textOf(cell.value);
      const value = words.ok ? words.value.trim() : '';
      if (!words.ok || value.length > column.spec.text.max) {
        ok = false;
        ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: words.ok ? MSG.tooLong(column.spec.text.max) : words.reason });
      } else if (role === 'reported' || kind.kind === 'reported') {
        if (value) reported.push({ tableId: state.tableId, rowKey, column: column.key, value: null, text: value, cell: cell.address });
      } else {
        values[column.key] = value || null;
        cells[column.key] = cell.address;
      }
      continue;
    }
    const amount = amountOf(cell.value, { unit: column.spec.unit ?? 'gbp_k', ...(column.spec.noun ? { noun: column.spec.noun } : {}) });
    if (!amount.ok) {
      ok = false;
      ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: amount.reason });
      continue;
    }
    if (role === 'reported' || kind.kind === 'reported') {
      if (amount.value !== null) reported.push({ tableId: state.tableId, rowKey, column: column.key, value: amount.value, text: null, cell: cell.address });
    } else if (kind.only && !kind.only.fields.includes(column.key)) {
      if (amount.value !== null) {
        ok = false;
        ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: kind.only.reason });
      }
    } else {
      values[column.key] = amount.value;
      cells[column.key] = cell.address;
    }
  }

  if (kind.kind === 'reported' && kind.closesTable) state.afterTotal = true;
  if (kind.kind === 'line' && kind.endsCommitteeTable && state.layout === 'committee') state.ended = true;
  if (!ok || !state.emit) return;
  if (kind.kind === 'line') {
    // Outturn's own template keeps the label verbatim; a committee table may prefix lines with "~".
    const shownLabel = state.layout === 'committee' ? label.replace(/^~\s*/, '') : label;
    ctx.sink.line({ tableId: state.tableId, sheet, row: row.number, lineKey: rowKey, label: shownLabel || kind.label || rowKey, values, cells });
  }
  for (const r of reported) ctx.sink.reported(r);
}
