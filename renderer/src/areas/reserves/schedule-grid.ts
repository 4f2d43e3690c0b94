import type { ReservesSchedules } from '../../../../shared/areas/reserves/api';
import { SCHEDULE_COLUMN_HEADERS } from '../../../../shared/areas/reserves/checks';
import { withHeadings } from '../../../../shared/areas/reserves/schedule';
import type { GridBand, GridColumn, GridRow } from '../../grid/types';

type Schedule = ReservesSchedules['schedules'][number];

/** An earmarked reserve schedule as published: Budget Heading, the three figures, Reserve Description. */
export function scheduleColumns(data: Pick<ReservesSchedules, 'fyLabel' | 'periodLabel'>): GridColumn[] {
  const month = data.periodLabel.split(' ')[0]!;
  const figure = (colId: 'opening' | 'movements' | 'forecast'): GridColumn => {
    const header = SCHEDULE_COLUMN_HEADERS[colId](data.fyLabel, month);
    return { colId, header, spokenHeader: header.replace(" £'000", ''), band: 'figures', kind: 'computed', unit: 'gbp_000q', tooltip: 'Worked out from the reserve’s ledger: record a movement below to change it.' };
  };
  return [
    { colId: 'label', header: 'Budget Heading', spokenHeader: 'Budget Heading', band: 'schedule', kind: 'label', minWidth: 220 },
    figure('opening'),
    figure('movements'),
    figure('forecast'),
    { colId: 'description', header: 'Reserve Description', spokenHeader: 'Reserve Description', band: 'figures', kind: 'text', wrapWidth: 420 },
  ];
}

export function scheduleBands(s: Schedule): GridBand[] {
  return [
    { id: 'schedule', header: s.directorate.name, alignStart: true },
    { id: 'figures', header: "£'000" },
  ];
}

/** The reserves under their category headings; a heading row carries no figures. */
export function scheduleBody(s: Schedule): GridRow[] {
  return withHeadings(s.rows).map((x) =>
    'heading' in x
      ? { key: `heading:${x.heading}`, label: x.heading, kind: 'group', values: {}, editable: [] }
      : {
          key: x.row.reserveId,
          label: x.row.name,
          kind: 'line',
          values: { opening: x.row.opening, movements: x.row.movements, forecast: x.row.forecast, description: x.row.description ?? '' },
          editable: [],
        },
  );
}

export function scheduleFoot(s: Schedule): GridRow[] {
  return [{ key: 'total', label: 'TOTAL EARMARKED RESERVES', kind: 'total', values: { opening: s.totals.opening, movements: s.totals.movements, forecast: s.totals.forecast }, editable: [] }];
}
