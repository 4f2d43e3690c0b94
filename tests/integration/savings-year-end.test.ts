import { describe, expect, it } from 'vitest';
import { yearLines } from '../../main/areas/savings/repository';
import { rollOverYear, yearEndPreview } from '../../main/core/year-end';
import { cli } from '../helpers/cli';
import { demoPerTest } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

/**
 * The year-end rollover offers every saving not achieved in full for carry-forward (issue 12 point 3), through
 * the savings area's own hooks: the core names no area. Expected figures are the published Quarter 1 tracker's,
 * by hand (forecast short of the original saving, £000): as in savings-quarters.test.ts.
 */
const demos = demoPerTest();

const UNACHIEVED: [directorate: string, title: string, unachieved: number][] = [
  ['Adults, Health and Commissioning', 'Adult Social Care Transport', -91],
  ['Adults, Health and Commissioning', 'Micro-enterprises Support', -99],
  ['Adults, Health and Commissioning', 'Increased support for carers', -129],
  ['Adults, Health and Commissioning', 'Expansion of Direct Payments', -113],
  ['Adults, Health and Commissioning', 'Post hospital discharge reviews', -155],
  ['Adults, Health and Commissioning', 'Learning Disability mid-cost range placement review', -101],
];
const TOTAL = UNACHIEVED.reduce((n, [, , v]) => n + v, 0); // -688

describe('the year-end rollover and the savings tracker', () => {
  it('offers each unachieved saving by id, and carries only those accepted into next year as C/F lines', () => {
    const { ws } = demos.open();
    const idOf = (title: string) => yearLines(ws, '2023-24').find((l) => l.title === title)!.id;
    const preview = yearEndPreview(ws, '2023-24');
    const savings = preview.areas.find((a) => a.area === 'savings')!;
    expect(savings.name).toBe('Savings Tracker');
    expect(savings.offers).toEqual(UNACHIEVED.map(([d, t, v]) => ({ id: `savings:${idOf(t)}`, label: `${d}: ${t}, ${v} unachieved` })));
    expect(savings.lines).toEqual([`6 savings are not achieved in full in 2023/24 (${TOTAL} in all); each chosen is carried into 2024/25's tracker as a "C/F 23-24 Saving" line.`]);
    // Other areas still say their own piece; nothing is offered by them.
    expect(preview.areas.find((a) => a.area === 'reserves')?.offers).toEqual([]);

    expect(() => rollOverYear(ws, '2023-24', 'grid', { accept: ['savings:no-such-saving'] })).toThrow(/"savings:no-such-saving" is not offered by the 2023\/24 year-end rollover; it offers savings:/);
    expect(ws.db.prepare(`SELECT COUNT(*) FROM periods WHERE id >= '2024-04'`).pluck().get()).toBe(0);

    const chosen = ['Adult Social Care Transport', 'Post hospital discharge reviews'];
    const summary = rollOverYear(ws, '2023-24', 'grid', { accept: chosen.map((t) => `savings:${idOf(t)}`) });
    expect(summary.areas.find((a) => a.area === 'savings')!.lines).toEqual([
      `2 savings carried into 2024/25's tracker as "C/F 23-24 Saving" lines, ${-91 + -155} in all.`,
      '4 savings not achieved in full were not carried forward; each can still be carried from the tracker.',
    ]);
    expect(yearLines(ws, '2024-25').map((l) => [l.bpRef, l.title, l.originalSaving, l.forecastSaving, l.carriedFrom])).toEqual([
      ['C/F 23-24 Saving', 'Adult Social Care Transport', -9100, null, idOf('Adult Social Care Transport')],
      ['C/F 23-24 Saving', 'Post hospital discharge reviews', -15500, null, idOf('Post hospital discharge reviews')],
    ]);
    // Recorded under the rollover's own step, on its channel.
    const ops = ws.db.prepare(`SELECT DISTINCT o.label FROM ${AUDIT_CELLS} a JOIN operations o ON o.id = a.op_id WHERE a.entity = 'savings_line' AND a.field = 'carried_from'`).pluck().all();
    expect(ops).toEqual(['Year-end rollover from 2023/24 to 2024/25']);
  });

  it('is offered on the command line: --dry-run lists the IDs, --carry all takes every one', async () => {
    const { file } = demos.fresh();
    const dry = await cli('year-end', file, '--from', '2023-24', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Savings Tracker offers to carry forward (--carry all, or --carry with the IDs):\n');
    for (const [d, t, v] of UNACHIEVED) expect(dry.out).toMatch(new RegExp(`\\n    savings:\\S+  ${d}: ${t}, ${v} unachieved\\n`));
    const real = await cli('year-end', file, '--from', '2023-24', '--carry', 'all');
    expect([real.code, real.err]).toEqual([0, '']);
    expect(real.out).toContain(`Savings Tracker: 6 savings carried into 2024/25's tracker as "C/F 23-24 Saving" lines, ${TOTAL} in all.`);
    expect(real.out).not.toContain('not carried forward');
  });
});
