import { REVENUE_AREA_NAME, revenueTarget } from '../../../shared/areas/revenue/ids';
import { monthLabel } from '../../../shared/periods';
import type { ReturnRow, ReturnsSpec } from '../../returns/spec';
import type { Workspace } from '../../store/workspace';
import { deleteCommentary, lineLabel, putCommentary, setLineValue } from './repository';

/**
 * Budget-holder returns (the core's offline returns, main/returns): each budget holder gets their budget
 * lines for the month with the forecast outturn variance and the line's commentary to fill in; the
 * budgets and the actual are shown, locked.
 */
interface Row {
  line_key: string;
  label: string;
  budget_holder: string;
  gross_budget: number | null;
  income_budget: number | null;
  actual: number | null;
  forecast_variance: number | null;
  commentary: string | null;
}

const commentaryKey = (lineKey: string) => `line:${lineKey}`;

function lines(ws: Workspace, period: string, holder: 'with' | 'without'): Row[] {
  return ws.db
    .prepare(
      `SELECT l.line_key, l.label, l.budget_holder, l.gross_budget, l.income_budget, l.actual, l.forecast_variance, c.body AS commentary
       FROM revenue_lines l LEFT JOIN revenue_commentaries c ON c.period = l.period AND c.subject_key = 'line:' || l.line_key
       WHERE l.period = ? AND l.budget_holder IS ${holder === 'with' ? 'NOT ' : ''}NULL ORDER BY l.directorate_id, l.sort_order`,
    )
    .all(period) as Row[];
}

export const revenueReturns: ReturnsSpec = {
  noun: 'budget return',
  title: (_ws, period) => `${REVENUE_AREA_NAME} return: ${monthLabel(period)}`,
  instructions:
    'Update the shaded cells only: the forecast outturn variance of each budget line in £000 (an overspend is positive, an underspend negative) and its commentary. Save the file and send it back to finance; please do not rename or rearrange anything.',
  columns: [
    { key: 'label', header: 'Budget line', unit: 'text', editable: false, width: 44, namesRow: true },
    { key: 'grossBudget', header: 'Gross Budget £000', unit: 'gbp_000', editable: false, width: 12 },
    { key: 'incomeBudget', header: 'Income Budget £000', unit: 'gbp_000', editable: false, width: 12 },
    { key: 'actual', header: 'Actual £000', unit: 'gbp_000', editable: false, width: 12 },
    { key: 'forecastVariance', header: 'Forecast Outturn Variance £000', unit: 'gbp_000', editable: true, width: 14, range: { min: -1_000_000, max: 1_000_000 }, prompt: 'The forecast variance at year end in £000: positive for an overspend, negative for an underspend.' },
    { key: 'commentary', header: 'Commentary', unit: 'text', editable: true, width: 70, maxLength: 4000, prompt: 'Why the forecast differs from the budget, for the committee.' },
  ],
  rows: (ws, period) =>
    lines(ws, period, 'with').map(
      (l): ReturnRow => ({
        key: l.line_key,
        label: l.label,
        owner: l.budget_holder,
        values: { label: l.label, grossBudget: l.gross_budget, incomeBudget: l.income_budget, actual: l.actual, forecastVariance: l.forecast_variance, commentary: l.commentary },
      }),
    ),
  unowned: (ws, period) => lines(ws, period, 'without').map((l) => l.label),
  apply: (ws, period, changes) => {
    for (const c of changes) {
      if (c.column === 'forecastVariance') setLineValue(ws, period, c.rowKey, 'forecastVariance', c.value as number | null);
      else if (c.column === 'commentary') {
        if (c.value === null) deleteCommentary(ws, period, commentaryKey(c.rowKey));
        else putCommentary(ws, period, commentaryKey(c.rowKey), { title: lineLabel(ws, period, c.rowKey)!, body: c.value as string, keepTitle: true });
      }
    }
  },
  target: (period) => revenueTarget(period),
};
