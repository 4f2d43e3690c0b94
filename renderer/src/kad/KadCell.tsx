import { useLayoutEffect } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Dot, KadUnit } from '../../../shared/areas/kad/model';
import { formatValue, type Hundredths } from '../../../shared/units';
import type { InvalidCell } from './columns';
import { isCarriedCell, type DotSource, type KadRow } from './rows';
import { ARROW_GLYPHS } from './sheet';

/** Grid context: where the refused cell is and what is selected, read at render time. */
export interface KadGridContext {
  invalidRef: { current: InvalidCell | null };
  isSelected: (rowKey: string | undefined, colId: string) => boolean;
}

export interface KadCellParams {
  /** The column as a screen reader should hear it ("Current Care Packages", "DoT of Total spend/ income"). */
  spokenHeader: string;
  unit?: KadUnit;
  /** Set on the DoT columns: whether their arrows are computed (and against which month) or reported. */
  dot?: DotSource;
}

const ARROW_WORDS: Record<Dot, string> = { up: 'up', down: 'down', flat: 'no change' };

export const REPORTED_NOTE = 'as reported in the published FMR';
export const CARRIED_NOTE = 'carried forward, not yet updated';

function dotNote(source: DotSource): string {
  return source.kind === 'computed' ? `compared with ${source.against}` : REPORTED_NOTE;
}

/**
 * Names every cell "row label, column header, value" (blank says "blank"). The name goes on AG Grid's
 * gridcell element itself: aria-label on a plain <span> is prohibited by ARIA and axe flags it on empty
 * cells. Greyed (unused) lines, refused input and the selection are flagged on the same element.
 */
export function KadCell(props: CustomCellRendererProps<KadRow, unknown> & KadCellParams) {
  const { data, eGridCell, spokenHeader, unit, dot, value, column } = props;
  const context = props.context as KadGridContext | undefined;
  const colId = column?.getColId() ?? '';
  const refused = context?.invalidRef.current;
  const invalid = !!data && refused?.rowKey === data.key && refused.colId === colId;
  const selected = !!context?.isSelected(data?.key, colId);
  const carried = isCarriedCell(data, colId) && value !== null && value !== undefined;
  const arrow = dot && typeof value === 'string' && value in ARROW_WORDS ? (value as Dot) : null;
  const text = dot ? (arrow ? ARROW_GLYPHS[arrow] : '') : unit ? formatValue((value as Hundredths | null | undefined) ?? null, unit) : typeof value === 'string' ? value : '';
  const spoken = dot ? (arrow ? `${ARROW_WORDS[arrow]}, ${dotNote(dot)}` : '') : unit ? text + (carried ? `, ${CARRIED_NOTE}` : '') : '';
  const rowLabel = data?.label ?? '';
  const name = unit || dot ? `${rowLabel}, ${spokenHeader}, ${spoken || 'blank'}` : rowLabel;
  const disabled = data ? !data.inUse : false;

  useLayoutEffect(() => {
    eGridCell.setAttribute('aria-label', name);
    const flag = (attr: string, on: boolean) => (on ? eGridCell.setAttribute(attr, 'true') : eGridCell.removeAttribute(attr));
    flag('aria-disabled', disabled);
    flag('aria-invalid', invalid);
    flag('aria-selected', selected);
  }, [eGridCell, name, disabled, invalid, selected]);

  if (dot && arrow) {
    const reported = dot.kind === 'reported';
    return (
      <span className={reported ? 'kad-dot kad-dot--reported' : 'kad-dot'} title={`Direction of travel ${spoken}`} aria-hidden="true">
        {text}
      </span>
    );
  }
  return <span aria-hidden={unit ? 'true' : undefined}>{text}</span>;
}
