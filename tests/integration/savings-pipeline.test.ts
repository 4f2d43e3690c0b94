import { describe, expect, it } from 'vitest';
import { savingsTracker } from '../../main/areas/savings/service';
import { parseSavingsByYear } from '../../shared/areas/savings/pipeline';
import { savingsApi } from '../../shared/areas/savings/api';
import { undo } from '../../main/store/history';
import { auditCount, demoPerTest } from '../helpers/workspace';
import { AppSession } from '../../main/app/session';
import { createHandlers } from '../../main/api/handlers';

/**
 * Proposals for next year's Business Plan, shaped like the business cases (DOMAIN.md §12), recorded
 * through the API and made lines of next year's tracker when the plan is agreed: once, audited, undoable.
 */
const demos = demoPerTest();
const ctx = { channel: 'grid' as const };

describe('the savings pipeline', { timeout: 30_000 }, () => {
  it('records proposals and makes those saving in the agreed year lines of its tracker, once', async () => {
    const env = demos.fresh();
    const session = new AppSession(env.file);
    try {
      const api = createHandlers(session) as unknown as Record<string, (input: unknown, c: typeof ctx) => unknown>;
      const call = async <T>(method: keyof typeof savingsApi, input: unknown): Promise<T> => savingsApi[method].output.parse(await api[method]!(savingsApi[method].input.parse(input), ctx)) as T;
      const byYear = parseSavingsByYear('2023-24 £0 / 24-25 -£400k');
      expect(byYear.ok).toBe(true);
      await call('savings.propose', { directorateId: 'ahc', bpRef: 'A/R.6.114', title: 'Reablement expansion', responsibleOfficer: 'Jane Smith', savings: byYear.ok ? byYear.value : [], fullYearEffect: -40000 });
      await call('savings.propose', { directorateId: 'ph', bpRef: 'E/R.7.001', title: 'Later saving', responsibleOfficer: null, savings: [{ year: '2025-26', amount: -5000 }], fullYearEffect: null });
      expect(() => savingsApi['savings.propose'].input.parse({ directorateId: 'ahc', bpRef: '', title: 'x', responsibleOfficer: null, savings: [], fullYearEffect: null })).toThrow(/give the BP Ref/);
      const before = auditCount(session.ws);

      // September 2023 (2023-24): the 2024-25 plan is agreed.
      const agreed = await call<{ added: number; proposals: { title: string; status: string; lineId: string | null }[] }>('savings.agreePlan', { period: '2023-09', financialYear: '2024-25' });
      expect(agreed.added).toBe(1);
      expect(agreed.proposals.map((p) => `${p.title} ${p.status}`)).toEqual(['Reablement expansion agreed', 'Later saving proposed']);
      const lineId = agreed.proposals[0]!.lineId!;
      const line = session.ws.db.prepare('SELECT financial_year, directorate_id, bp_ref, title, owner, original_saving, forecast_saving FROM savings_lines WHERE id = ?').get(lineId);
      expect(line).toEqual({ financial_year: '2024-25', directorate_id: 'ahc', bp_ref: 'A/R.6.114', title: 'Reablement expansion', owner: 'Jane Smith', original_saving: -40000, forecast_saving: null });
      expect(session.ws.db.prepare(`SELECT entity, field, new_value FROM audit_log WHERE entity = 'savings_proposal' AND action = 'update' ORDER BY id`).all()).toEqual([
        { entity: 'savings_proposal', field: 'status', new_value: 'agreed' },
        { entity: 'savings_proposal', field: 'line_id', new_value: lineId },
      ]);
      expect(auditCount(session.ws)).toBeGreaterThan(before);
      // The 2023-24 tracker is untouched; agreeing again adds nothing.
      expect(savingsTracker(session.ws, '2023-08').groups.flatMap((g) => g.rows)).toHaveLength(15);
      const after = auditCount(session.ws);
      expect((await call<{ added: number }>('savings.agreePlan', { period: '2023-09', financialYear: '2024-25' })).added).toBe(0);
      expect(auditCount(session.ws)).toBe(after);

      undo(session.ws);
      expect(session.ws.db.prepare('SELECT COUNT(*) FROM savings_lines WHERE financial_year = ?').pluck().get('2024-25')).toBe(0);
      expect((await call<{ status: string }[]>('savings.proposals', {})).map((p) => p.status)).toEqual(['proposed', 'proposed']);
    } finally {
      session.close();
    }
  });
});
