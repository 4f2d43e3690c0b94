import type { KadTable } from '../../../../../shared/areas/kad/api';
import type { Dot } from '../../../../../shared/areas/kad/model';
import { kadPackBand, kadPackColumns, kadPackRows, type KadPackColumn, type KadPackRow } from '../../../../../shared/areas/kad/pack-layout';
import { formatValue } from '../../../../../shared/units';
import { ARROW_GLYPHS } from '../../../grid/arrows';

const ARROW_WORDS: Record<Dot, string> = { up: 'up', down: 'down', flat: 'no change' };

/** A cell's printed text exactly as the FMR prints it: £2,271, £28,942k, -£289k, £k, ↑. */
function Cell({ row, column }: { row: KadPackRow; column: KadPackColumn }) {
  if (column.kind === 'label') {
    return (
      <th scope="row">
        {row.label}
        {row.inUse ? null : <span className="visually-hidden"> (not used by this service)</span>}
      </th>
    );
  }
  if (column.kind === 'dot') {
    const dot = row.dots[column.dot];
    return (
      <td className="print-kad__dot">
        {/* role="img" names the glyph in words for screen readers and in the tagged PDF. */}
        {dot ? (
          <span role="img" aria-label={ARROW_WORDS[dot]}>
            {ARROW_GLYPHS[dot]}
          </span>
        ) : null}
      </td>
    );
  }
  const text = column.kind === 'field' ? formatValue(row.values[column.field], column.unit) : formatValue(row.varianceK, column.unit);
  const carried = column.kind === 'field' && row.carried.includes(column.field);
  return (
    <td className={carried ? 'print-kad__num print-kad__carried' : 'print-kad__num'}>
      {text}
      {carried ? (
        <>
          <sup className="print-kad__cf" aria-hidden="true">
            c/f
          </sup>
          <span className="visually-hidden"> (carried forward, not yet updated)</span>
        </>
      ) : null}
    </td>
  );
}

const ROW_CLASS: Record<KadPackRow['kind'], string> = {
  group: 'print-kad__group',
  line: 'print-kad__line',
  subtotal: 'print-kad__subtotal',
  total: 'print-kad__total',
  care_contributions: 'print-kad__care',
};

/** Rows grouped as the table reads: each group's lines with their subtotal, then the total and Care Contributions. */
function bodies(rows: readonly KadPackRow[]): KadPackRow[][] {
  const out: KadPackRow[][] = [];
  for (const row of rows) {
    if (row.kind === 'group' || row.kind === 'total' || !out.length) out.push([]);
    out.at(-1)!.push(row);
  }
  return out;
}

/**
 * One service's Section 5 table as published: caption, band row (service | BUDGET | ACTUAL (month) |
 * Outturn), header row, group rows, lines (unused ones greyed), subtotals, total and Care Contributions,
 * from the same layout the workbook is written from (shared/pack/kad-layout.ts).
 */
export function PrintKadTable({ table, caption }: { table: KadTable; caption: string }) {
  const columns = kadPackColumns(table.period);
  const band = kadPackBand(table.service.name, table.period);
  const rows = kadPackRows(table);
  return (
    <table className="print-kad" data-testid={`print-kad-${table.service.id}`}>
      <caption>
        <h3 className="print-kad__caption">{caption}</h3>
      </caption>
      {band.map((b) => (
        <colgroup key={b.text} span={b.to - b.from + 1} />
      ))}
      <thead>
        <tr className="print-kad__band">
          {band.map((b) =>
            b.from === b.to ? (
              <th key={b.text} scope="col" className="print-kad__service">
                {b.text}
              </th>
            ) : (
              <th key={b.text} scope="colgroup" colSpan={b.to - b.from + 1}>
                {b.text}
              </th>
            ),
          )}
        </tr>
        <tr className="print-kad__headers">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.kind === 'dot' ? 'print-kad__dot' : c.kind === 'label' ? undefined : 'print-kad__num'}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      {bodies(rows).map((group) => (
        <tbody key={group[0]!.key}>
          {group.map((row) =>
            row.kind === 'group' ? (
              <tr key={row.key} className={ROW_CLASS.group}>
                <th scope="rowgroup" colSpan={columns.length}>
                  {row.label}
                </th>
              </tr>
            ) : (
              <tr key={row.key} className={row.inUse ? ROW_CLASS[row.kind] : `${ROW_CLASS[row.kind]} print-kad__unused`}>
                {columns.map((c, i) => (
                  <Cell key={i} row={row} column={c} />
                ))}
              </tr>
            ),
          )}
        </tbody>
      ))}
    </table>
  );
}
