import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../renderer/src/api/oneAtATime';

/** A request held until released, recording that it was sent. */
function held(sent: string[], name: string) {
  let release: (value: string) => void = () => {};
  let fail: (err: Error) => void = () => {};
  const run = () => {
    sent.push(name);
    return new Promise<string>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
  };
  return { run, release: () => release(name), fail: () => fail(new Error(`${name} failed`)) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('requests one at a time, only the latest of those waiting', () => {
  it('sends the first at once, drops those no longer wanted while it runs, and sends the latest after it', async () => {
    const queue = oneAtATime();
    const sent: string[] = [];
    const wanted = new Set(['a', 'b', 'c', 'd']);
    const reqs = ['a', 'b', 'c', 'd'].map((n) => held(sent, n));
    const answers = reqs.map((r, i) => queue(r.run, () => wanted.has('abcd'[i]!)));
    await settle();
    expect(sent).toEqual(['a']);
    // Three edits came while 'a' ran; each made the one before it stale, as the checks hook does.
    wanted.delete('b');
    wanted.delete('c');
    reqs[0]!.release();
    await settle();
    expect(sent).toEqual(['a', 'd']);
    reqs[3]!.release();
    expect(await Promise.all(answers)).toEqual(['a', undefined, undefined, 'd']);
  });

  it('goes on after a refused request, and passes the refusal to its own caller only', async () => {
    const queue = oneAtATime();
    const sent: string[] = [];
    const [a, b] = [held(sent, 'a'), held(sent, 'b')];
    const first = queue(a.run, () => true);
    const second = queue(b.run, () => true);
    await settle();
    a.fail();
    await expect(first).rejects.toThrow('a failed');
    await settle();
    expect(sent).toEqual(['a', 'b']);
    b.release();
    expect(await second).toBe('b');
  });
});
