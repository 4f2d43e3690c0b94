import { useLayoutEffect } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Dot, KadUnit } from '../../../shared/kad/model';
import { formatValue, type Hundredths } from '../../../shared/money';
import type { InvalidCell } from './columns';
import type { KadRow } from './rows';

/** Grid context: where the refused cell is, read at render time. */
export interface KadGridContext {
  invalidRef: { current: InvalidCell | null };
}

export interface KadCellParams {
  /** The column as a screen reader should hear it ("Current Care Packages", "DoT of Total spend/ income"). */
  spokenHeader: string;
  unit?: KadUnit;
  dot?: boolean;
}

const ARROWS: Record<Dot, { glyph: string; word: string }> = {
  up: { glyph: '↑', word: 'up' },
  down: { glyph: '↓', word: 'down' },
  flat: { glyph: '↔', word: 'no change' },
};

export const REPORTED_NOTE = 'as reported in the published FMR';

/**
 * Names every cell "row label, column header, value" (blank says "blank"). The name goes on AG Grid's
 * gridcell element itself: aria-label on a plain <span> is prohibited by ARIA and axe flags it on empty
 * cells. Greyed (unused) lines and refused input are flagged on the same element for assistive tech.
 */
export function KadCell(props: CustomCellRendererProps<KadRow, unknown> & KadCellParams) {
  const { data, eGridCell, spokenHeader, unit, dot, value, column } = props;
  const context = props.context as KadGridContext | undefined;
  const refused = context?.invalidRef.current;
  const invalid = !!data && refused?.rowKey === data.key && refused.colId === column?.getColId();
  const arrow = dot && typeof value === 'string' && value in ARROWS ? ARROWS[value as Dot] : null;
  const text = dot ? (arrow?.glyph ?? '') : unit ? formatValue((value as Hundredths | null | undefined) ?? null, unit) : typeof value === 'string' ? value : '';
  const spoken = arrow ? `${arrow.word}, ${REPORTED_NOTE}` : unit ? text : '';
  const rowLabel = data?.label ?? '';
  const name = unit || dot ? `${rowLabel}, ${spokenHeader}, ${spoken || 'blank'}` : rowLabel;
  const disabled = data ? !data.inUse : false;

  useLayoutEffect(() => {
    eGridCell.setAttribute('aria-label', name);
    if (disabled) eGridCell.setAttribute('aria-disabled', 'true');
    else eGridCell.removeAttribute('aria-disabled');
    if (invalid) eGridCell.setAttribute('aria-invalid', 'true');
    else eGridCell.removeAttribute('aria-invalid');
  }, [eGridCell, name, disabled, invalid]);

  if (dot && text) {
    return (
      <span className="kad-dot kad-dot--reported" title={`Direction of travel ${spoken}`} aria-hidden="true">
        {text}
      </span>
    );
  }
  return <span aria-hidden={unit ? 'true' : undefined}>{text}</span>;
}
