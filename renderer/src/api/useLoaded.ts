import { useEffect } from 'react';
import { messageOf } from './client';

/**
 * Loads something whenever `key` changes (the shell's reload key): the answer goes to `onLoaded`, a
 * refusal's message to `onError`, and an answer arriving after the component moved on is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, onLoaded: (value: T) => void, onError: (message: string) => void, key: unknown): void {
  useEffect(() => {
    let cancelled = false;
    load().then(
      (value) => !cancelled && onLoaded(value),
      (err: unknown) => !cancelled && onError(messageOf(err)),
    );
    return () => {
      cancelled = true;
    };
    // Only the key says when to load again: the callbacks are new on every render.
  }, [key]);
}
