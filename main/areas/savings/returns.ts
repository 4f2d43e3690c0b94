import { savingsTarget, SAVINGS_AREA_NAME } from '../../../shared/areas/savings/ids';
import type { SavingFigure, SavingText } from '../../../shared/areas/savings/model';
import { monthLabel } from '../../../shared/periods';
import type { ReturnRow, ReturnsSpec } from '../../returns/spec';
import type { Workspace } from '../../store/workspace';
import { setFigure, setText, yearLines } from './repository';
import { trackerScope } from './service';

/**
 * Savings returns: each commissioner gets their own savings of the year's register, with the forecast
 * saving and the commentary for publication to fill in; everything else is locked.
 */
function lines(ws: Workspace, period: string) {
  return yearLines(ws, trackerScope(ws, period).financialYear);
}

export const savingsReturns: ReturnsSpec = {
  noun: 'savings return',
  title: (ws, period) => {
    const scope = trackerScope(ws, period);
    return `${SAVINGS_AREA_NAME} return: ${scope.quarter ? `Quarter ${scope.quarter.slice(-1)} ${scope.financialYear.replace('-', '/')}` : scope.financialYear.replace('-', '/')} (${monthLabel(period)})`;
  },
  instructions:
    'Update the shaded cells only: your forecast of each saving for the year in £000 (savings are negative: -155 is a saving of £155k; 0 if nothing will be saved) and the commentary for publication. Save the file and send it back to finance; please do not rename or rearrange anything.',
  columns: [
    { key: 'bpRef', header: 'BP Ref', unit: 'text', editable: false, width: 20 },
    { key: 'title', header: 'Title', unit: 'text', editable: false, width: 42, namesRow: true },
    { key: 'originalSaving', header: 'Original Saving £000', unit: 'gbp_000', editable: false, width: 12 },
    { key: 'forecastSaving', header: 'Forecast Saving £000', unit: 'gbp_000', editable: true, width: 12, range: { min: -10_000_000, max: 10_000_000 }, prompt: 'Your forecast for the year in £000, negative for a saving (-155 = a saving of £155k).' },
    { key: 'commentary', header: 'Commentary for publication', unit: 'text', editable: true, width: 70, maxLength: 4000, prompt: 'What the committee will read about this saving.' },
  ],
  rows: (ws, period) =>
    lines(ws, period)
      .filter((l) => l.owner)
      .map(
        (l): ReturnRow => ({
          key: l.id,
          label: l.title,
          owner: l.owner!,
          values: { bpRef: l.bpRef, title: l.title, originalSaving: l.originalSaving, forecastSaving: l.forecastSaving, commentary: l.commentary },
        }),
      ),
  unowned: (ws, period) => lines(ws, period).filter((l) => !l.owner).map((l) => `${l.bpRef} ${l.title}`),
  apply: (ws, _period, changes) => {
    for (const c of changes) {
      if (c.column === 'forecastSaving') setFigure(ws, c.rowKey, c.column as SavingFigure, c.value as number | null);
      else if (c.column === 'commentary') setText(ws, c.rowKey, c.column as SavingText, c.value as string | null);
    }
  },
  target: savingsTarget,
};
