import { useCallback, useEffect, useState } from 'react';
import type { Target } from '../../../shared/area';
import type { AppInfo, HistoryState, PeriodInfo } from '../../../shared/api/contract';
import { sharedArea } from '../../../shared/areas';
import { monthLabel } from '../../../shared/periods';
import { isOpen } from '../../../shared/checks';
import { messageOf, send, writesSettled } from '../api/client';
import type { PageParams } from '../areas/types';
import { useChecks } from '../checks/useChecks';
import type { CellRef } from '../grid/types';
import { printHashParams, printRequestInHash, type PrintRequest } from '../print/printHash';
import { PrintView } from '../print/PrintView';
import { CorePage } from './CorePage';
import { Header } from './Header';
import { HistoryBar } from './HistoryBar';
import { Nav } from './Nav';
import { areaPageAt, navPages } from './pages';
import { PeriodSelect } from './PeriodSelect';
import { RollForward } from './RollForward';
import { usePlace } from './usePlace';
import { useUndoShortcuts } from './useUndoShortcuts';

/** The registry does not change while the app runs: the nav's pages are worked out once. */
const PAGES = navPages();

/** A refusal shown in the alert line; `cell` marks the refused cell on the page, month and parameters it belongs to. */
interface Refusal {
  text: string;
  cell?: CellRef & { page: string; period: string; params: PageParams };
}

interface Loaded {
  info: AppInfo;
  months: PeriodInfo[];
}

function defaultPeriod(months: readonly PeriodInfo[]): string {
  return ([...months].reverse().find((m) => m.areas.length > 0) ?? months[months.length - 1])?.id ?? '';
}

function sameParams(a: PageParams, b: PageParams): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function areaNames(ids: readonly string[]): string {
  return ids.map((id) => sharedArea(id)?.name ?? id).join(', ');
}

export function App({ styleNonce }: { styleNonce: string | undefined }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  // The committee pack's print view replaces the whole shell (no header or nav) while it is open.
  const [printing, setPrinting] = useState<PrintRequest | null>(() => printRequestInHash(window.location.hash));
  const { page, period, params, openPage, setPeriod, setParams, openTarget: openPlace } = usePlace(PAGES, printing ? `#${printHashParams(printing)}` : null);
  const [reloadKey, setReloadKey] = useState(0);
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Bumped after each saved edit so the check findings (and their count in the nav) follow the grid.
  const [editCount, setEditCount] = useState(0);

  const current = PAGES.find((p) => p.id === page) ?? PAGES[0]!;
  // Area pages edit figures: only there do undo, redo and roll forward act.
  const editsFigures = current.kind === 'area';
  const month = loaded?.months.find((m) => m.id === period);
  const checks = useChecks(month, reloadKey + editCount);
  const refreshChecks = checks.refresh;
  // Opening the checks page always asks again, whatever changed since.
  useEffect(() => {
    if (page === 'checks') refreshChecks();
  }, [page, refreshChecks]);

  const refreshHistory = useCallback(() => {
    send('history.state', {}).then(setHistory, () => setHistory(null));
  }, []);

  /** Everything the shell shows; after a reset or an undo the chosen month is kept if it still exists. */
  const loadAll = useCallback(async () => {
    const [info, periods, hist] = await Promise.all([send('app.info', {}), send('periods.list', {}), send('history.state', {})]);
    setLoaded({ info, months: periods.months });
    setHistory(hist);
    setPeriod((p) => (periods.months.some((m) => m.id === p) ? p : defaultPeriod(periods.months)));
    setReloadKey((k) => k + 1);
  }, [setPeriod]);

  useEffect(() => {
    loadAll().catch((err: unknown) => setStartError(messageOf(err)));
  }, [loadAll]);

  const onSaved = useCallback(() => {
    setStatus('Saved');
    setRefusal(null);
    setEditCount((n) => n + 1);
    refreshHistory();
  }, [refreshHistory]);

  const onRefused = useCallback(
    (text: string, cell: CellRef) => {
      setStatus('');
      setRefusal({ text, cell: { ...cell, page, period, params } });
    },
    [page, period, params],
  );

  const onParamsChange = useCallback(
    (next: PageParams) => {
      setParams(next, page);
      setRefusal(null);
    },
    [setParams, page],
  );

  /** Opens the page a finding, an undone step or an import names. */
  const openTarget = useCallback(
    (target: Target) => {
      setRefusal(null);
      openPlace(target);
    },
    [openPlace],
  );

  const step = useCallback(
    async (kind: 'undo' | 'redo') => {
      const can = (h: HistoryState) => (kind === 'undo' ? h.canUndo : h.canRedo);
      if (history && !can(history)) {
        // The state shown may lag a save that has only just finished (Ctrl+Z straight after a paste): ask again.
        await writesSettled();
        const fresh = await send('history.state', {}).catch(() => null);
        if (fresh) setHistory(fresh);
        if (!fresh || !can(fresh)) {
          setStatus(kind === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
          return;
        }
      }
      try {
        await writesSettled();
        const done = await send(kind === 'undo' ? 'history.undo' : 'history.redo', {});
        setHistory(done.history);
        setStatus(done.label);
        setRefusal(null);
        // Show the table the step changed, which may not be the one on screen.
        if (done.target) openTarget(done.target);
        await loadAll();
      } catch (err) {
        setRefusal({ text: messageOf(err) });
        refreshHistory();
      }
    },
    [history, loadAll, refreshHistory, openTarget],
  );

  useUndoShortcuts(step, editsFigures);

  const resetDemo = useCallback(async () => {
    try {
      await send('demo.reset', {});
      setRefusal(null);
      await loadAll();
      setStatus('Demo reset to the published August 2023 figures');
    } catch (err) {
      setRefusal({ text: messageOf(err) });
    }
  }, [loadAll]);

  const rollForward = useCallback(
    async (fromPeriod: string) => {
      try {
        const done = await send('periods.rollForward', { fromPeriod });
        setRefusal(null);
        await loadAll(); // the new month now has data: the month list must say so
        setPeriod(done.period);
        setStatus(`Rolled forward from ${monthLabel(fromPeriod)} to ${monthLabel(done.period)}: ${areaNames(done.areas)}.`);
      } catch (err) {
        setRefusal({ text: messageOf(err) });
      }
    },
    [loadAll, setPeriod],
  );

  /** A settings change, import or restore may add rows, grey a line or change how totals work: reload everything. */
  const onChanged = useCallback(
    async (message: string) => {
      setRefusal(null);
      try {
        await loadAll();
        setStatus(message);
      } catch (err) {
        setRefusal({ text: messageOf(err) });
      }
    },
    [loadAll],
  );

  const changePeriod = (id: string) => {
    setPeriod(id);
    setRefusal(null);
  };

  if (printing) {
    return (
      <PrintView
        request={printing}
        styleNonce={styleNonce}
        onClose={() => {
          setPrinting(null);
          openPage('pack');
        }}
      />
    );
  }

  if (startError) {
    return (
      <main className="start-error">
        <h1>Outturn could not open</h1>
        <p role="alert">{startError}</p>
      </main>
    );
  }

  const AreaPage = current.kind === 'area' ? areaPageAt(current.id)?.component : undefined;
  const c = refusal?.cell;
  const invalid = c && c.page === page && c.period === period && sameParams(c.params, params) ? c : null;
  const workspaceLock = loaded?.info.readOnly ? (loaded.info.readOnlyReason ?? 'This workspace is open read-only.') : null;
  // The nav counts what still needs a look: findings accepted or acknowledged are done.
  const checkCount = checks.findings?.filter(isOpen).length;

  return (
    <div className="shell">
      <Header info={loaded?.info ?? null} onResetDemo={() => void resetDemo()} />
      <Nav pages={PAGES} current={current.id} onSelect={openPage} counts={checkCount === undefined ? {} : { checks: checkCount }} />
      <main className="main">
        <div className="toolbar">
          {loaded ? <PeriodSelect months={loaded.months} value={period} onChange={changePeriod} /> : null}
          {editsFigures ? <HistoryBar history={history} onStep={(kind) => void step(kind)} /> : null}
          {editsFigures && loaded && month ? <RollForward month={month} months={loaded.months} lock={workspaceLock} onConfirm={(from) => void rollForward(from)} /> : null}
          <p className="status" role="status" data-testid="status">
            {status}
          </p>
        </div>
        {/* The slot keeps the alert's line whether or not it shows a message, so a refusal never moves the page. */}
        <div className="alert-slot">
          <div className="alert" role="alert" data-testid="alert">
            {refusal?.text}
          </div>
        </div>
        {!loaded || !month ? (
          <p className="loading">Opening the workspace…</p>
        ) : current.kind === 'core' ? (
          <CorePage
            page={current.id}
            period={month}
            months={loaded.months}
            lock={workspaceLock}
            reloadKey={reloadKey}
            checks={checks}
            onChanged={(m) => void onChanged(m)}
            onOpen={openTarget}
            onOpenPrint={setPrinting}
          />
        ) : AreaPage ? (
          <AreaPage
            // Another area's page is a fresh component: no state carries over between areas.
            key={current.id}
            period={month}
            months={loaded.months}
            params={params}
            onParamsChange={onParamsChange}
            reloadKey={reloadKey}
            workspaceLock={workspaceLock}
            invalid={invalid}
            styleNonce={styleNonce}
            onSaved={onSaved}
            onRefused={onRefused}
          />
        ) : null}
      </main>
    </div>
  );
}
