import { afterAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorkbook, type CommitteeOptions } from '../import-fixtures/committee';
import { lineKeyOf, lineValues, publishedTables, reportedOf, serviceIdOf, type PublishedTable } from '../import-fixtures/published';
import { read, scratch, type Recorded } from '../import-fixtures/sink';
import { CARE_CONTRIBUTION_FIELDS } from '../../shared/areas/kad/model';

const tables = publishedTables();
const dir = scratch();
afterAll(() => dir.remove());

/** Every line value, and every reported subtotal, total, variance and arrow, exactly as published. */
function expectPublished(rec: Recorded, published: readonly PublishedTable[]) {
  expect(rec.tables.map((t) => [t.subjectId, t.period, t.layout])).toEqual(published.map((t) => [serviceIdOf(t), '2023-08', 'committee']));
  for (const t of published) {
    const table = rec.tables.find((x) => x.subjectId === serviceIdOf(t))!;
    const lines = rec.lines.filter((l) => l.tableId === table.id);
    const expectedLines = [...t.rows, ...t.published_totals.filter((r) => r.kind === 'care_contributions')].map((r) => {
      const values = lineValues(r);
      const key = lineKeyOf(r);
      return { key, values: key === 'care_contributions' ? Object.fromEntries(CARE_CONTRIBUTION_FIELDS.map((f) => [f, values[f]])) : values };
    });
    expect(lines.map((l) => ({ key: l.lineKey, values: l.values }))).toEqual(expectedLines);
    const reported = rec.reported.filter((r) => r.tableId === table.id);
    const got = Object.fromEntries(reported.map((r) => [`${r.rowKey}.${r.column}`, { value: r.value, text: r.text }]));
    const want: Record<string, { value: number | null; text: string | null }> = {};
    for (const r of [...t.rows, ...t.published_totals]) for (const [column, v] of Object.entries(reportedOf(r))) want[`${lineKeyOf(r)}.${column}`] = v;
    expect(got).toEqual(want);
  }
}

describe('committee layout as published', () => {
  const cases: [string, CommitteeOptions][] = [
    ['text cells, stacked, headers repeated', { asText: true, repeatHeaders: true, stacked: true }],
    ['text cells, a sheet per table', { asText: true, repeatHeaders: false, stacked: false }],
    ['numbers with currency formats, stacked, headers repeated', { asText: false, repeatHeaders: true, stacked: true, scaled: 'alternate' }],
    ['numbers stored in pounds behind £#,##0,"k", a sheet per table', { asText: false, repeatHeaders: true, stacked: false, scaled: true }],
  ];
  it.each(cases)('reads all six tables exactly: %s', async (name, opts) => {
    const file = dir.file(`${name.replace(/\W+/g, '-')}.xlsx`, await buildCommitteeWorkbook(tables, opts));
    const { rec, messages, layout } = await read(file);
    expect(messages).toEqual([]);
    expect(layout).toBe('committee');
    expectPublished(rec, tables);
  });
});
