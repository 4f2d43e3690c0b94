/**
 * Requests sent one at a time, and of those asked for while one is running only the ones still wanted
 * when their turn comes. For a refresh that follows edits (the month's checks after every save): each typed
 * figure would otherwise queue a whole month's check in the host, ahead of the next save, though only the
 * latest answer is ever shown. Resolves with undefined for a request dropped unsent.
 */
export function oneAtATime(): <T>(run: () => Promise<T>, stillWanted: () => boolean) => Promise<T | undefined> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>, stillWanted: () => boolean) => {
    const mine = tail.catch(() => undefined).then(() => (stillWanted() ? run() : undefined));
    tail = mine;
    return mine;
  };
}
