import { Fragment, useId } from 'react';
import type { KadTable } from '../../../../shared/areas/kad/api';
import { fieldDef } from '../../../../shared/areas/kad/model';
import { formatValue } from '../../../../shared/units';
import { COMPARE_FIELDS, compareRows, compareUnit, formatChange } from './compare';

/**
 * This month beside the compared month and the change, for each line and total. A plain table, not a
 * second grid: it is read, never edited, and a screen reader's table commands work on it as they are.
 */
export function CompareTable({ table }: { table: KadTable }) {
  const captionId = useId();
  const other = table.comparison;
  if (!other) return null;
  const rows = compareRows(table);
  return (
    <div className="kad-compare" role="region" aria-labelledby={captionId} tabIndex={0} data-testid="kad-compare">
      <table className="kad-compare__table">
        <caption id={captionId}>
          {table.service.name}: {table.periodLabel} compared with {other.periodLabel}
        </caption>
        <colgroup>
          <col />
        </colgroup>
        {COMPARE_FIELDS.map((f) => (
          <colgroup key={f} span={3} />
        ))}
        <thead>
          <tr>
            <td />
            {COMPARE_FIELDS.map((f) => (
              <th key={f} scope="colgroup" colSpan={3}>
                {fieldDef(f).header}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">Service Type</th>
            {COMPARE_FIELDS.map((f) => (
              <Fragment key={f}>
                <th scope="col">{table.periodLabel}</th>
                <th scope="col">{other.periodLabel}</th>
                <th scope="col">Change</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`kad-compare__row--${r.kind}`} data-row-key={r.key}>
              <th scope="row">{r.label}</th>
              {COMPARE_FIELDS.map((f) => {
                const unit = compareUnit(f);
                const c = r.cells[f];
                return (
                  <Fragment key={f}>
                    <td>{formatValue(c.now, unit)}</td>
                    <td>{formatValue(c.then, unit)}</td>
                    <td className="kad-compare__change" data-field={f}>
                      {formatChange(c.change, unit)}
                    </td>
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
