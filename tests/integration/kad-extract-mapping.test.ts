import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { dispatch } from '../../main/api/dispatch';
import type { AppSession } from '../../main/app/session';
import { DEFAULT_EXTRACT_MAPPING } from '../../shared/areas/kad/extract/mapping';
import { extractCsv } from '../import-fixtures/care-extract';
import { scratch } from '../import-fixtures/sink';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';

/**
 * The support reason → service mapping as a setting: changed through the API (checked by zod, audited),
 * used by the next import for the months it works out, and frozen with a month when it closes, so a
 * closed month keeps its figures and its mapping. Expected figures are worked out by hand from HAND_ROWS
 * (tests/import-fixtures/care-extract.ts).
 */
const files = scratch('outturn-extract-mapping-');
afterAll(() => files.remove());
const demo = demoPerTest();
const MONTHS = { from: '2023-07', to: '2023-08' };

async function importAndApply(s: AppSession, file: string) {
  const id = await s.imports.start(file, { months: MONTHS });
  const status = await s.imports.settled(id);
  expect(status.problems).toEqual([]);
  return { status, applied: await s.imports.apply(id) };
}

const line = (s: AppSession, period: string, service: string, type: string) =>
  s.ws.db.prepare('SELECT current_packages AS packages, current_unit_cost AS unitCost FROM kad_lines WHERE period = ? AND service_id = ? AND line_key = ?').get(period, service, type) as { packages: number | null; unitCost: number | null };
const month = (s: AppSession, period: string) => s.ws.db.prepare('SELECT * FROM kad_lines WHERE period = ? ORDER BY service_id, line_key').all(period);

describe('the support reason mapping as a setting', () => {
  it('moves the next import’s figures when it changes, is audited, and leaves a closed month with its figures and mapping', async () => {
    const d = demo.fresh();
    const s = d.open();
    const api = createHandlers(s);
    const call = (method: string, input: unknown) => dispatch(api, method, input, { channel: 'grid' });
    const file = files.file('extract.csv', extractCsv());

    expect(await call('kad.extractMapping', { period: '2023-08' })).toMatchObject({ ok: true, value: { mapping: DEFAULT_EXTRACT_MAPPING, frozenFor: null } });
    await importAndApply(s, file);
    // By hand (defaults): PK4, mental health support aged 62, open from 1 August at £900: Adult Mental Health.
    expect(line(s, '2023-08', 'adult-mental-health', 'residential')).toEqual({ packages: 100, unitCost: 90000 });
    expect(line(s, '2023-08', 'learning-disability-partnership', 'residential')).toEqual({ packages: 100, unitCost: 220500 });
    // The mapping July closes with: older people's services from 70.
    const atSeventy = { ...DEFAULT_EXTRACT_MAPPING, ageThreshold: 70 };
    expect(await call('kad.setExtractMapping', { mapping: atSeventy })).toMatchObject({ ok: true });
    s.close();
    expect((await cli('close', d.file, '--period', '2023-07')).code).toBe(0);
    const t = d.open();
    const api2 = createHandlers(t);
    const call2 = (method: string, input: unknown) => dispatch(api2, method, input, { channel: 'grid' });
    const july = month(t, '2023-07');

    // Mental health support now counts under the Learning Disability Partnership, at any age.
    const changed = { ...DEFAULT_EXTRACT_MAPPING, reasons: { ...DEFAULT_EXTRACT_MAPPING.reasons, 'Mental Health Support': { service: 'learning-disability-partnership' } } };
    const saved = await call2('kad.setExtractMapping', { mapping: changed });
    expect(saved).toMatchObject({ ok: true, value: { mapping: changed } });
    const audit = t.ws.db
      .prepare(`SELECT a.entity, a.entity_key AS key, a.new_value AS value, a.channel, o.label FROM audit_log a JOIN operations o ON o.id = a.op_id WHERE a.op_id = (SELECT MAX(id) FROM operations)`)
      .all() as { entity: string; key: string; value: string; channel: string; label: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'setting', key: 'kad.extractMapping', channel: 'grid' });
    expect(JSON.parse(audit[0]!.value)).toEqual(changed);
    expect(audit[0]!.label).toBe(
      'Change which service each primary support reason counts under: the age 70 → 65; Mental Health Support: Older People Mental Health at the age or over, else Adult Mental Health → Learning Disability Partnership',
    );

    const again = await importAndApply(t, file);
    expect(again.status.notes).toContain('July 2023 is closed: its figures were left as they are.');
    // By hand: LDP residential holds PK1 (£2,205) and PK4 (£900): 2 packages, (2,205 + 900) ÷ 2 = £1,552.50 → £1,553.
    expect(line(t, '2023-08', 'learning-disability-partnership', 'residential')).toEqual({ packages: 200, unitCost: 155300 });
    expect(line(t, '2023-08', 'adult-mental-health', 'residential')).toEqual({ packages: 0, unitCost: null });
    // The closed month: its figures as they were, and the mapping it closed with.
    expect(month(t, '2023-07')).toEqual(july);
    expect(await call2('kad.extractMapping', { period: '2023-07' })).toMatchObject({ ok: true, value: { mapping: atSeventy, frozenFor: expect.stringContaining('July 2023 is closed') } });
    expect(await call2('kad.extractMapping', { period: '2023-08' })).toMatchObject({ ok: true, value: { mapping: changed, frozenFor: null } });
  });

  it('refuses a mapping naming a service the workspace lacks, one reason twice, or no reason, and changes nothing', async () => {
    const s = demo.open();
    const api = createHandlers(s);
    const call = (input: unknown) => dispatch(api, 'kad.setExtractMapping', input, { channel: 'grid' });
    const ops = () => s.ws.db.prepare('SELECT COUNT(*) FROM operations').pluck().get();
    const before = ops();
    expect(await call({ mapping: { ageThreshold: 65, reasons: { Autism: { service: 'dentistry' } } } })).toMatchObject({ ok: false, error: { message: 'That mapping names services this workspace does not have: dentistry.' } });
    expect(await call({ mapping: { ageThreshold: 65, reasons: { Autism: { service: 'autism' }, autism: { service: 'autism' } } } })).toMatchObject({
      ok: false,
      error: { message: 'That mapping cannot be saved: "Autism" and "autism" are the same reason written two ways; keep one.' },
    });
    expect(await call({ mapping: { ageThreshold: 65, reasons: {} } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('needs at least one primary support reason') } });
    expect(await call({ mapping: { ageThreshold: -1, reasons: { Autism: { service: 'autism' } } } })).toMatchObject({ ok: false });
    expect(ops()).toBe(before);
  });
});
