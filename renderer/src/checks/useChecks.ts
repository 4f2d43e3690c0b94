import { useCallback, useEffect, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { Finding } from '../../../shared/checks';
import { messageOf, send } from '../api/client';

export interface ChecksState {
  /** The findings of the selected month, or null until they have arrived. */
  findings: Finding[] | null;
  error: string | null;
  refresh: () => void;
}

/**
 * The selected month's check findings. Held by the shell, not the checks page, so the nav can show
 * their count from any page; `version` changes after every save, undo or reload so the list follows edits.
 */
export function useChecks(period: PeriodInfo | undefined, version: number): ChecksState {
  const [result, setResult] = useState<{ period: string; findings: Finding[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const id = period?.id;
  const hasData = (period?.areas.length ?? 0) > 0;

  useEffect(() => {
    if (!id) return;
    if (!hasData) {
      setResult({ period: id, findings: [] });
      setError(null);
      return;
    }
    let cancelled = false;
    send('checks.list', { period: id }).then(
      (findings) => {
        if (cancelled) return;
        setResult({ period: id, findings });
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(messageOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, hasData, version, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  // Another month's findings are never shown as this month's while the new ones load.
  return { findings: result && result.period === id ? result.findings : null, error, refresh };
}
