import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, HistoryState, PeriodInfo } from '../../../shared/api/contract';
import type { KadServiceInfo } from '../../../shared/areas/kad/api';
import { messageOf, send, writesSettled } from '../api/client';
import type { Finding } from '../../../shared/checks';
import type { Target } from '../../../shared/area';
import { ChecksPage } from '../checks/ChecksPage';
import { useChecks } from '../checks/useChecks';
import { HelpPage } from '../help/HelpPage';
import type { CellRef } from '../grid/types';
import { KadPage } from '../kad/KadPage';
import { SettingsPage } from '../settings/SettingsPage';
import { AREAS, type AreaId } from './areas';
import { BackupsPage } from '../backups/BackupsPage';
import { startArea, useHashArea } from '../backups/hashArea';
import { ImportPage } from '../import/ImportPage';
import { PackPage } from '../pack/PackPage';
import { startPrintRequest, type PrintRequest } from '../print/printHash';
import { PrintView } from '../print/PrintView';
import { Header } from './Header';
import { HistoryBar } from './HistoryBar';
import { Nav } from './Nav';
import { PeriodSelect } from './PeriodSelect';
import { PlaceholderPage } from './PlaceholderPage';
import { RollForward } from './RollForward';
import { useUndoShortcuts } from './useUndoShortcuts';

/** A refusal shown in the alert line; `cell` marks the refused cell of the table it belongs to. */
interface Refusal {
  text: string;
  cell?: CellRef & { period: string; serviceId: string };
}

interface Loaded {
  info: AppInfo;
  months: PeriodInfo[];
  services: KadServiceInfo[];
}

function defaultPeriod(months: readonly PeriodInfo[]): string {
  return ([...months].reverse().find((m) => m.areas.length > 0) ?? months[months.length - 1])?.id ?? '';
}

export function App({ styleNonce }: { styleNonce: string | undefined }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [area, setArea] = useState<AreaId>(() => startArea() ?? 'kad');
  const [period, setPeriod] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Bumped after each saved edit so the check findings (and their count in the nav) follow the grid.
  const [editCount, setEditCount] = useState(0);
  // The committee pack's print view replaces the whole shell (no header or nav) while it is open.
  const [printing, setPrinting] = useState<PrintRequest | null>(startPrintRequest);

  const month = loaded?.months.find((m) => m.id === period);
  const checks = useChecks(month, reloadKey + editCount);
  const refreshChecks = checks.refresh;
  // Opening the checks area always asks again, whatever changed since.
  useEffect(() => {
    if (area === 'checks') refreshChecks();
  }, [area, refreshChecks]);

  const refreshHistory = useCallback(() => {
    send('history.state', {}).then(setHistory, () => setHistory(null));
  }, []);

  /** Everything the shell shows; after a reset or an undo the chosen month and service are kept if they still exist. */
  const loadAll = useCallback(async () => {
    const [info, periods, services, hist] = await Promise.all([
      send('app.info', {}),
      send('periods.list', {}),
      send('kad.services', {}),
      send('history.state', {}),
    ]);
    setLoaded({ info, months: periods.months, services });
    setHistory(hist);
    setPeriod((p) => (periods.months.some((m) => m.id === p) ? p : defaultPeriod(periods.months)));
    setServiceId((s) => (services.some((x) => x.id === s) ? s : (services[0]?.id ?? '')));
    setReloadKey((k) => k + 1);
  }, []);

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
      setRefusal({ text, cell: { ...cell, period, serviceId } });
    },
    [period, serviceId],
  );

  /** Opens the page a finding, an undone step or an import names. */
  const openTarget = useCallback((target: Target) => {
    if (target.params.period) setPeriod(target.params.period);
    if (target.params.service) setServiceId(target.params.service);
    setRefusal(null);
    setArea(target.area as AreaId);
  }, []);

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

  useUndoShortcuts(step);
  useHashArea(setArea);

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
        setStatus(`${done.label}. Actual figures are marked as not yet updated.`);
      } catch (err) {
        setRefusal({ text: messageOf(err) });
      }
    },
    [loadAll],
  );

  /** A settings change may add a service, grey a line or change how totals are averaged: reload everything. */
  const onSettingsChanged = useCallback(
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

  const openFinding = (f: Finding) => {
    if (f.target) openTarget(f.target);
  };

  const changeService = (id: string) => {
    setServiceId(id);
    setRefusal(null);
  };
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
          setArea('pack');
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

  const current = AREAS.find((a) => a.id === area) ?? AREAS[0]!;
  const invalid = refusal?.cell && refusal.cell.period === period && refusal.cell.serviceId === serviceId ? refusal.cell : null;
  const workspaceLock = loaded?.info.readOnly ? (loaded.info.readOnlyReason ?? 'This workspace is open read-only.') : null;
  const checkCount = checks.findings?.length;

  return (
    <div className="shell">
      <Header info={loaded?.info ?? null} onResetDemo={() => void resetDemo()} />
      <Nav current={area} onSelect={setArea} counts={checkCount === undefined ? {} : { checks: checkCount }} />
      <main className="main">
        <div className="toolbar">
          {loaded ? <PeriodSelect months={loaded.months} value={period} onChange={changePeriod} /> : null}
          <HistoryBar history={history} onStep={(kind) => void step(kind)} />
          {loaded && month ? <RollForward month={month} months={loaded.months} lock={workspaceLock} onConfirm={(from) => void rollForward(from)} /> : null}
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
        ) : current.comingSoon ? (
          <PlaceholderPage area={current} />
        ) : area === 'checks' ? (
          <ChecksPage period={month} checks={checks} onOpen={openFinding} />
        ) : area === 'settings' ? (
          <SettingsPage period={month} months={loaded.months} lock={workspaceLock} reloadKey={reloadKey} onChanged={(m) => void onSettingsChanged(m)} />
        ) : area === 'import' ? (
          <ImportPage months={loaded.months} period={month} lock={workspaceLock} onApplied={(m) => void onSettingsChanged(m)} onOpen={openTarget} />
        ) : area === 'backups' ? (
          <BackupsPage lock={workspaceLock} onRestored={(m) => void onSettingsChanged(m)} />
        ) : area === 'pack' ? (
          <PackPage period={month} lock={workspaceLock} reloadKey={reloadKey} onChanged={(m) => void onSettingsChanged(m)} onOpenPrint={setPrinting} />
        ) : area === 'help' ? (
          <HelpPage />
        ) : (
          <KadPage
            period={month}
            services={loaded.services}
            serviceId={serviceId}
            onServiceChange={changeService}
            reloadKey={reloadKey}
            workspaceLock={workspaceLock}
            invalid={invalid}
            styleNonce={styleNonce}
            onSaved={onSaved}
            onRefused={onRefused}
          />
        )}
      </main>
    </div>
  );
}
