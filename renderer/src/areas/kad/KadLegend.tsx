import type { KadTable } from '../../../../shared/areas/kad/api';

/** What the marks under and in the grid mean, including which kind of arrows this month shows. */
export function KadLegend({ table, runRateDescription }: { table: KadTable; runRateDescription: string }) {
  return (
    <div className="legend" data-testid="kad-legend">
      {table.previous ? (
        <p data-testid="kad-legend-dot">
          <span className="kad-dot" aria-hidden="true">
            ↑ ↓ ↔
          </span>{' '}
          Direction of travel is computed by Outturn, comparing each figure with {table.previous.periodLabel} as displayed (↔: no change at the displayed precision). A line
          with no figure in either month has no arrow.
        </p>
      ) : (
        <p data-testid="kad-legend-dot">
          <span className="kad-dot kad-dot--reported" aria-hidden="true">
            <span className="kad-dot__one">↑</span>
            <span className="kad-dot__one">↓</span>
            <span className="kad-dot__one">↔</span>
          </span>{' '}
          Arrows in a dashed box are as reported in the published FMR, because the previous month is not held; Outturn computes arrows (shown plain and bold) from the next
          month on.
        </p>
      )}
      <p>
        Lines in grey are care types this service does not use. Subtotals, totals and variances are calculated by Outturn from the lines. Figures in italics marked c/f are
        carried forward from last month and not yet updated.
      </p>
      <p>Run rate: {runRateDescription}</p>
      <p>
        Select a block with Shift+click or Shift+arrow keys (Esc clears it). Ctrl+C copies the figures as shown, Ctrl+V pastes a block copied from Excel (checked as a whole:
        nothing is saved if any cell is refused), Ctrl+D fills the top row down, Delete clears. Each is undone in one step.
      </p>
    </div>
  );
}
