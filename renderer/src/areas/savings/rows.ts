import type { TrackerGroup, TrackerRowOut } from '../../../../shared/areas/savings/api';
import { ragText } from '../../../../shared/areas/savings/model';
import type { CellChange, GridBand, GridColumn, GridRow } from '../../grid/types';

/** A tracker (one directorate's savings) in the generic grid: the published columns, then Outturn's own. */
export const FIGURES = ['originalSaving', 'forecastSaving'] as const;
const COMMENTARY_SHOWN = 90;

const ragClass = (rag: unknown) => (typeof rag === 'string' && rag ? `savings-rag savings-rag--${rag.split(' ')[0]!.toLowerCase()}` : undefined);

export function trackerColumns(opts: { movementSince: string | null; anyReported: boolean }): GridColumn[] {
  const cols: GridColumn[] = [
    { colId: 'label', header: 'Title', spokenHeader: 'Title', band: 'tracker', kind: 'label', minWidth: 220 },
    { colId: 'rag', header: 'RAG', spokenHeader: 'RAG', band: 'tracker', kind: 'text', minWidth: 150, cellClassFor: (row) => ragClass(row.values.rag), tooltip: 'The key\'s RAG, or an officer\'s marked (override)' },
    { colId: 'bpRef', header: 'BP Ref', spokenHeader: 'BP Ref', band: 'tracker', kind: 'text' },
    { colId: 'originalSaving', header: 'Original Saving £000', spokenHeader: 'Original Saving £000', band: 'tracker', kind: 'figure', unit: 'gbp_000' },
    { colId: 'forecastSaving', header: 'Forecast Saving £000', spokenHeader: 'Forecast Saving £000', band: 'tracker', kind: 'figure', unit: 'gbp_000' },
    { colId: 'variance', header: 'Variance from Plan £000', spokenHeader: 'Variance from Plan £000', band: 'tracker', kind: 'computed', unit: 'gbp_000' },
    { colId: 'pctVariance', header: '% Variance', spokenHeader: '% Variance', band: 'tracker', kind: 'computed', unit: 'percent' },
    {
      colId: 'movement',
      header: opts.movementSince ? `Movement since ${opts.movementSince}` : 'Movement since last quarter',
      spokenHeader: 'Movement of the forecast since last quarter',
      band: 'outturn',
      kind: 'computed',
      unit: 'gbp_000',
      tooltip: opts.movementSince ? `Forecast now minus the forecast in ${opts.movementSince}'s tracker` : 'No earlier quarter\'s tracker is held yet',
    },
    { colId: 'ruleRag', header: 'RAG by the key', spokenHeader: 'RAG by the key', band: 'outturn', kind: 'text', tooltip: 'What the Key to RAG Ratings gives' },
  ];
  if (opts.anyReported) cols.push({ colId: 'reportedRag', header: 'RAG as published', spokenHeader: 'RAG as published', band: 'outturn', kind: 'text', tooltip: 'As the published or imported tracker states it (a reported value)' });
  cols.push(
    { colId: 'owner', header: 'Owner', spokenHeader: 'Owner', band: 'outturn', kind: 'text' },
    { colId: 'commentary', header: 'Commentary for publication', spokenHeader: 'Commentary for publication', band: 'tracker', kind: 'text', minWidth: 260 },
  );
  // Outturn's own columns follow the published ones.
  const published = cols.filter((c) => c.band === 'tracker');
  return [...published, ...cols.filter((c) => c.band !== 'tracker')];
}

export function trackerBands(group: TrackerGroup): GridBand[] {
  return [
    { id: 'tracker', header: `${group.number} ${group.title}`, alignStart: true },
    { id: 'outturn', header: 'Outturn', tooltip: 'Worked out or kept by Outturn beside the published columns' },
  ];
}

const shorten = (text: string | null) => (!text ? '' : text.length > COMMENTARY_SHOWN ? `${text.slice(0, COMMENTARY_SHOWN - 1)}…` : text);

function row(r: TrackerRowOut, locked: boolean): GridRow {
  return {
    key: r.id,
    label: r.title,
    kind: 'line',
    values: {
      rag: ragText(r.rag, r.overridden),
      bpRef: r.bpRef,
      originalSaving: r.originalSaving,
      forecastSaving: r.forecastSaving,
      variance: r.variance,
      pctVariance: r.pctVariance,
      movement: r.movement,
      ruleRag: r.ruleRag ?? (r.noRag === 'no-original' ? 'none (no original)' : 'none yet'),
      reportedRag: r.reportedRag ?? '',
      owner: r.owner ?? '',
      commentary: shorten(r.commentary),
    },
    editable: locked ? [] : FIGURES,
  };
}

export function bodyRows(group: TrackerGroup, locked: boolean): GridRow[] {
  return group.rows.map((r) => row(r, locked));
}

/** The total row: the savings added up by Outturn (the published total leaves % and commentary blank). */
export function footRows(group: TrackerGroup): GridRow[] {
  return [{ key: `total_${group.directorate.id}`, label: 'Total', kind: 'total', values: { ...group.totals }, editable: [] }];
}

export function figureCells(changes: readonly CellChange[]): { lineId: string; field: (typeof FIGURES)[number]; value: number | null }[] {
  return changes.filter((c) => (FIGURES as readonly string[]).includes(c.colId)).map((c) => ({ lineId: c.rowKey, field: c.colId as (typeof FIGURES)[number], value: c.value }));
}
