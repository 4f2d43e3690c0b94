import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeriodInfo } from '../../../shared/api/contract';
import type { Finding } from '../../../shared/checks';
import { messageOf, send } from '../api/client';
import { oneAtATime } from '../api/oneAtATime';

export interface ChecksState {
  /** The findings of the selected month, or null until they have arrived. */
  findings: Finding[] | null;
  error: string | null;
  refresh: () => void;
}

/**
 * The selected month's check findings. Held by the shell, not the checks page, so the nav can show
 * their count from any page; `version` changes after every save, undo or reload so the list follows edits
 * (one check at a time: oneAtATime).
 */
/**
 * How long the month must go without a save before it is checked again. Edits come in bursts (figures
 * typed one after another, a paste and its corrections), and each check reads the whole month: on a large
 * council's 5,000 lines, a tenth of a second or more of the host's time, ahead of the next save.
 */
export const CHECKS_QUIET_MS = 400;

export function useChecks(period: PeriodInfo | undefined, version: number): ChecksState {
  const [result, setResult] = useState<{ period: string; findings: Finding[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [queue] = useState(oneAtATime);
  // The month whose findings are shown: a new month is checked at once, an edited one once edits pause.
  const shownFor = useRef<string | null>(null);
  shownFor.current = result?.period ?? null;
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
    // While a check runs, edits only mark it stale: the latest state is checked once it is answered.
    const check = () =>
      queue(() => send('checks.list', { period: id }), () => !cancelled).then(
        (findings) => {
          if (cancelled || !findings) return;
          setResult({ period: id, findings });
          setError(null);
        },
        (err: unknown) => {
          if (!cancelled) setError(messageOf(err));
        },
      );
    const timer = setTimeout(check, shownFor.current === id ? CHECKS_QUIET_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, hasData, version, tick, queue]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  // Another month's findings are never shown as this month's while the new ones load.
  return { findings: result && result.period === id ? result.findings : null, error, refresh };
}
