import { monthsOfFinancialYear } from '../../shared/periods';
import { areas } from '../areas';
import { insertPeriods } from '../store/periods';
import { setSetting } from '../store/settings';
import { setPeriodPackSetting } from '../pack/settings';
import type { Workspace } from '../store/workspace';

/** The demo is the published August 2023 FMR (financial year 2023-24), presented on 5 October 2023. */
export const DEMO_FINANCIAL_YEAR = '2023-24';
export const DEMO_MONTH = '2023-08';
export const DEMO_MEETING_DATE = '2023-10-05';

/** Writes the demo in one step: the year's months, then every area's published figures; call on a new workspace. */
export function seedDemo(ws: Workspace): void {
  ws.write({ channel: 'seed', label: 'Create the demo workspace from the published August 2023 FMR' }, () => {
    insertPeriods(ws, monthsOfFinancialYear(DEMO_FINANCIAL_YEAR));
    setSetting(ws, 'workspace.kind', 'demo');
    setPeriodPackSetting(ws, DEMO_MONTH, 'meetingDate', DEMO_MEETING_DATE);
    for (const a of areas()) a.demo?.(ws);
  });
}
