import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { currentIdentity, TEST_USER_VARIABLE } from '../../main/store/identity';
import { auditValueText, channelWords } from '../../shared/audit';
import { serialiseFigures, type FigureCell } from '../../shared/monthend';

/** The figures hash's serialisation, written out by hand: what anyone recomputing a sign-off must produce. */
const cells: FigureCell[] = [
  { area: 'toy', table: 'toy_figures', key: '2023-08|b', field: 'amount', value: 250 },
  { area: 'core', table: 'reported_values', key: '2023-08|toy|ledger|total|amount', field: 'value_num', value: 350 },
  { area: 'toy', table: 'toy_figures', key: '2023-08|a', field: 'quantity', value: null },
  { area: 'toy', table: 'toy_figures', key: '2023-08|a', field: 'amount', value: 100 },
  { area: 'core', table: 'reported_values', key: '2023-08|toy|ledger|total|amount', field: 'source', value: 'file "x.xlsx"' },
];

const EXPECTED = [
  'outturn-figures/1 2023-08',
  '["core","reported_values","2023-08|toy|ledger|total|amount","source","file \\"x.xlsx\\""]',
  '["core","reported_values","2023-08|toy|ledger|total|amount","value_num",350]',
  '["toy","toy_figures","2023-08|a","amount",100]',
  '["toy","toy_figures","2023-08|a","quantity",null]',
  '["toy","toy_figures","2023-08|b","amount",250]',
  '',
].join('\n');

describe('the figures serialisation a sign-off hashes', () => {
  it('is the documented text: a header, then one JSON line per field sorted by area, table, key and field', () => {
    expect(serialiseFigures('2023-08', cells)).toBe(EXPECTED);
  });

  it('does not depend on the order the figures come in', () => {
    const shuffled = [cells[3]!, cells[0]!, cells[4]!, cells[2]!, cells[1]!];
    expect(serialiseFigures('2023-08', shuffled)).toBe(serialiseFigures('2023-08', cells));
  });

  it('tells a blank from a zero, and a figure changed by one hundredth', () => {
    const sha = (c: FigureCell[]) => crypto.createHash('sha256').update(serialiseFigures('2023-08', c)).digest('hex');
    const base = sha(cells);
    expect(sha(cells.map((c) => (c.value === null ? { ...c, value: 0 } : c)))).not.toBe(base);
    expect(sha(cells.map((c) => (c.value === 100 ? { ...c, value: 101 } : c)))).not.toBe(base);
    expect(sha([...cells])).toBe(base);
  });
});

describe('the audit trail in words', () => {
  it('shows stored hundredths in the column unit, exactly when decimals are hidden, and a blank as blank', () => {
    expect(auditValueText('2894200', 'gbp_k')).toBe('£28,942k');
    expect(auditValueText('23450', 'count')).toBe('235 (exactly 234.5)');
    expect(auditValueText(null, 'count')).toBe('blank');
    expect(auditValueText('closed', null)).toBe('closed');
    expect(channelWords('import')).toBe('Imported from a file');
    expect(channelWords('something-new')).toBe('something-new');
  });
});

describe('the test-only second officer', () => {
  const saved = { env: process.env.NODE_ENV, user: process.env[TEST_USER_VARIABLE] };
  const put = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  afterEach(() => {
    put('NODE_ENV', saved.env);
    put(TEST_USER_VARIABLE, saved.user);
  });

  it('acts as the named user only while NODE_ENV is test', () => {
    process.env[TEST_USER_VARIABLE] = 'reviewer-two';
    process.env.NODE_ENV = 'test';
    expect(currentIdentity().osUser).toBe('reviewer-two');
    process.env.NODE_ENV = 'production';
    expect(currentIdentity().osUser).not.toBe('reviewer-two');
    delete process.env.NODE_ENV;
    expect(currentIdentity().osUser).not.toBe('reviewer-two');
  });
});
