import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../api/client';

/**
 * Fetches what a view shows, again whenever its inputs or the shell's reload key change; a save hands
 * back the refreshed value through `set`. A late answer for an earlier month is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { value: T | null; error: string | null; set: (value: T) => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (v) => {
        if (cancelled) return;
        setValue(v);
        setError(null);
      },
      (err: unknown) => !cancelled && setError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
    // The caller names what the fetch depends on.
  }, deps);
  const set = useCallback((v: T) => setValue(v), []);
  return { value, error, set };
}
