import type { Hundredths } from '../../../shared/money';
import { CARE_CONTRIBUTION_FIELDS, CARE_CONTRIBUTIONS_KEY, type KadField } from '../../../shared/kad/model';
import type { ImportLayout, ImportReported } from '../types';
import { address } from './a1';
import { amountOf, asFound, dotOf, textOf, type Cell } from './cells';
import type { ReadContext, SheetRow } from './context';
import type { HeaderMap } from './headers';
import { KAD_SPEC, SUBTOTAL_KEYS, TOTAL_KEY } from './kad-spec';
import { MSG } from './messages';

/** What a table body needs to remember between rows. */
export interface BodyState {
  tableId: string;
  sheet: string;
  layout: ImportLayout;
  header: HeaderMap;
  /** False when the table could not be placed (unknown service or month, or a duplicate): rows are still checked. */
  emit: boolean;
  ended: boolean;
  afterTotal: boolean;
  /** Row key to the row it was first seen on. */
  seen: Map<string, number>;
}

type RowKind = { kind: 'line'; key: string } | { kind: 'care' } | { kind: 'reported'; key: string } | { kind: 'skip' };

const BLANK_CELL = (col: number, row: number): Cell => ({ address: address(col, row), value: { kind: 'blank' } });

function classify(label: string, types: ReadContext['types']): RowKind | null {
  const norm = label.replace(/^\s*~/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (KAD_SPEC.groups.some((g) => g.test(norm))) return { kind: 'skip' };
  if (/\bsub[\s-]?total\b/.test(norm)) {
    if (norm.includes('accommodation')) return { kind: 'reported', key: SUBTOTAL_KEYS.accommodation };
    if (norm.includes('community')) return { kind: 'reported', key: SUBTOTAL_KEYS.community };
    return null;
  }
  if (/^(grand )?total\b/.test(norm)) return { kind: 'reported', key: TOTAL_KEY };
  if (/^(care|client) contributions?$/.test(norm)) return { kind: 'care' };
  const type = types.byLabel(label);
  return type ? { kind: 'line', key: type.id } : null;
}

/**
 * One body row of a table: a line, the Care Contributions row, a subtotal or total (kept as reported
 * values), a group heading, or — after the total — the prose that follows a published table.
 */
export function readBodyRow(ctx: ReadContext, state: BodyState, row: SheetRow): void {
  const { header } = state;
  const sheet = state.sheet;
  const cellAt = (col: number) => row.cells[col] ?? BLANK_CELL(col, row.number);
  const hasFigures = header.columns.some((c) => c.spec.role !== 'key' && c.spec.role !== 'label' && row.cells[c.col] && row.cells[c.col]!.value.kind !== 'blank');

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
      const type = ctx.types.byKey(wanted);
      kind = wanted.toLowerCase() === CARE_CONTRIBUTIONS_KEY ? { kind: 'care' } : type ? { kind: 'line', key: type.id } : null;
      if (!kind) {
        ctx.sink.problem({ sheet, cell: keyCell.address, value: wanted, reason: MSG.unknownLineKey });
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
        if (hasFigures) ctx.sink.problem({ sheet, cell: cell.address, value: null, reason: MSG.noLabel });
        return;
      }
      kind = classify(label, ctx.types);
    }
  }
  if (!kind || !labelCell) {
    if (!labelCell) {
      if (hasFigures) ctx.sink.problem({ sheet, cell: address(header.keyCol ?? 1, row.number), value: null, reason: MSG.noLabel });
      return;
    }
    // Prose under a published table ("The LDP includes service-users …") ends it.
    if (!hasFigures && state.afterTotal) {
      state.ended = true;
      return;
    }
    ctx.sink.problem({ sheet, cell: labelCell.address, value: label, reason: MSG.unknownServiceType });
    return;
  }
  if (kind.kind === 'skip') return;

  const rowKey = kind.kind === 'care' ? CARE_CONTRIBUTIONS_KEY : kind.key;
  const earlier = state.seen.get(rowKey);
  if (earlier !== undefined) {
    ctx.sink.problem({ sheet, cell: labelCell.address, value: asFound(labelCell.value), reason: MSG.duplicateRow(earlier) });
    return;
  }
  state.seen.set(rowKey, row.number);

  let ok = true;
  const values: Partial<Record<KadField, Hundredths | null>> = {};
  const cells: Partial<Record<KadField, string>> = {};
  const reported: ImportReported[] = [];
  for (const column of header.columns) {
    const cell = cellAt(column.col);
    const role = column.spec.role;
    if (role === 'key' || role === 'label') continue;
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
    const amount = amountOf(cell.value, column.spec.unit ?? 'gbp_k');
    if (!amount.ok) {
      ok = false;
      ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: amount.reason });
      continue;
    }
    const field = column.key as KadField;
    if (role === 'reported' || kind.kind === 'reported') {
      if (amount.value !== null) reported.push({ tableId: state.tableId, rowKey, column: column.key, value: amount.value, text: null, cell: cell.address });
    } else if (kind.kind === 'care' && !CARE_CONTRIBUTION_FIELDS.includes(field)) {
      if (amount.value !== null) {
        ok = false;
        ctx.sink.problem({ sheet, cell: cell.address, value: asFound(cell.value), reason: MSG.careContributionsOnly });
      }
    } else {
      values[field] = amount.value;
      cells[field] = cell.address;
    }
  }

  if (kind.kind === 'reported' && kind.key === TOTAL_KEY) state.afterTotal = true;
  if (kind.kind === 'care' && state.layout === 'committee') state.ended = true;
  if (!ok || !state.emit) return;
  if (kind.kind !== 'reported') {
    // Outturn's own template keeps the label verbatim; a committee table prefixes service types with "~".
    const shownLabel = state.layout === 'committee' ? label.replace(/^~\s*/, '') : label;
    const lineLabel = shownLabel || (kind.kind === 'care' ? 'Care Contributions' : rowKey);
    ctx.sink.line({ tableId: state.tableId, sheet, row: row.number, lineKey: rowKey, label: lineLabel, values, cells });
  }
  for (const r of reported) ctx.sink.reported(r);
}
