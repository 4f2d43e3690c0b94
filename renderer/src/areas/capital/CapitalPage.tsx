import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CapitalTable } from '../../../../shared/areas/capital/api';
import { CAPITAL_AREA_NAME } from '../../../../shared/areas/capital/ids';
import type { FundingField, SchemeField } from '../../../../shared/areas/capital/model';
import { formatValue } from '../../../../shared/units';
import { messageOf, send, trackWrite } from '../../api/client';
import { SheetGrid } from '../../grid/SheetGrid';
import type { CellChange } from '../../grid/types';
import type { SheetActions } from '../../grid/useSheetEditing';
import type { AreaPageProps } from '../types';
import { CAPITAL_BANDS, fundingBody, fundingColumns, fundingFoot, isFundingField, isSchemeField, schemeBody, schemeColumns, schemeFoot } from './capital-grid';

type Which = 'schemes' | 'funding';
type Cell = { table: 'schemes'; key: string; field: SchemeField; value: number | null } | { table: 'funding'; key: string; field: FundingField; value: number | null };

/** Appendix 3 for the toolbar's month: 4.1 the schemes and 4.2 their funding, typed or pasted as in Excel. */
export function CapitalPage({ period, reloadKey, workspaceLock, styleNonce, invalid, onSaved, onRefused }: AreaPageProps) {
  const [table, setTable] = useState<CapitalTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    let cancelled = false;
    send('capital.table', { period: period.id }).then(
      (t) => !cancelled && (setTable(t), setError(null)),
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [period.id, reloadKey]);

  const save = useCallback(
    async (which: Which, cells: CellChange[], done: string | null) => {
      const typed: Cell[] = [];
      for (const c of cells) {
        if (which === 'schemes' && isSchemeField(c.colId)) typed.push({ table: 'schemes', key: c.rowKey, field: c.colId, value: c.value });
        if (which === 'funding' && isFundingField(c.colId)) typed.push({ table: 'funding', key: c.rowKey, field: c.colId, value: c.value });
      }
      if (!typed.length) return;
      try {
        setTable(await trackWrite(send('capital.setCells', { period: period.id, cells: typed })));
        setAnnouncement(done ?? 'Saved.');
        onSaved();
      } catch (err) {
        onRefused(messageOf(err), cells[0]!);
      }
    },
    [period.id, onSaved, onRefused],
  );
  const actionsFor = useCallback((which: Which): SheetActions => ({ onCells: (cells, _source, done) => void save(which, cells, done), onRefused, onAnnounce: setAnnouncement }), [save, onRefused]);
  const schemeActions = useMemo(() => actionsFor('schemes'), [actionsFor]);
  const fundingActions = useMemo(() => actionsFor('funding'), [actionsFor]);

  const lock = table?.lockedReason ?? workspaceLock;
  return (
    <section className="page capital" aria-labelledby="page-title">
      <h1 id="page-title">{CAPITAL_AREA_NAME}</h1>
      {error ? (
        <p className="banner banner--error">{error}</p>
      ) : !table ? (
        <p className="loading">Loading the capital programme…</p>
      ) : !table.held ? (
        <p className="empty" data-testid="capital-empty">
          No capital programme for {period.label} yet.
        </p>
      ) : (
        <>
          {lock ? (
            <p className="banner banner--locked" role="note">
              <strong>Not editable.</strong> {lock}
            </p>
          ) : null}
          <p className="capital-variation" data-testid="capital-variation" data-exceeded={table.variation.exceeded}>
            {table.variation.message}
          </p>
          <section className="grid-region" aria-labelledby="capital-41">
            <h2 id="capital-41">4.1 Capital Expenditure</h2>
            <SheetGrid columns={schemeColumns(table)} bands={CAPITAL_BANDS} body={schemeBody(table)} foot={schemeFoot(table)} lockedReason={lock} invalid={invalid} styleNonce={styleNonce} actions={schemeActions} />
          </section>
          <p data-testid="capital-significant">
            {table.significant.length
              ? `Significant variances (over £${table.settings.significantVariance}k) needing narrative: ${table.significant.map((s) => `${s.scheme} ${formatValue(s.value, 'gbp_000')}`).join('; ')}.`
              : `No schemes have significant variances (>£${table.settings.significantVariance}k).`}
          </p>
          <section className="grid-region" aria-labelledby="capital-42">
            <h2 id="capital-42">4.2 Capital Funding</h2>
            <SheetGrid columns={fundingColumns(table)} bands={CAPITAL_BANDS} body={fundingBody(table)} foot={fundingFoot(table)} lockedReason={lock} invalid={invalid} styleNonce={styleNonce} actions={fundingActions} />
          </section>
        </>
      )}
      <p className="visually-hidden" role="status" data-testid="capital-announce">
        {announcement}
      </p>
    </section>
  );
}
