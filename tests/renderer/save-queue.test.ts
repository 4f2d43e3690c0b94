import { describe, expect, it } from 'vitest';
import { SaveQueue } from '../../renderer/src/grid/saveQueue';

/** A save whose answer is given by hand. */
function held<T>() {
  let answer!: (value: T) => void;
  let refuse!: (err: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  return { promise, answer, refuse };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('saves of edits on screen, one after another', () => {
  it("sends each once the one before is answered, and hands an answer the table's later edits still waiting", async () => {
    const queue = new SaveQueue<string>();
    const sent: string[] = [];
    const answers: string[] = [];
    const first = held<string>();
    const third = held<string>();
    queue.save('2023-08/a', 'one', () => (sent.push('one'), first.promise), (next, later) => answers.push(`${next}: ${later.join(',')}`), () => {});
    queue.save('2023-08/b', 'elsewhere', () => (sent.push('elsewhere'), Promise.resolve('b saved')), (next, later) => answers.push(`${next}: ${later.join(',')}`), () => {});
    queue.save('2023-08/a', 'three', () => (sent.push('three'), third.promise), (next, later) => answers.push(`${next}: ${later.join(',')}`), () => {});
    await tick();
    expect(sent).toEqual(['one']);
    expect(queue.of('2023-08/a')).toEqual(['one', 'three']);
    first.answer('a saved once');
    await tick();
    expect(sent).toEqual(['one', 'elsewhere', 'three']);
    expect(answers).toEqual(['a saved once: three', 'b saved: ']);
    third.answer('a saved twice');
    await tick();
    expect(answers.at(-1)).toBe('a saved twice: ');
    expect(queue.of('2023-08/a')).toEqual([]);
  });

  it('forgets a refused edit, tells two equal edits apart, and sends the next one after a refusal', async () => {
    const queue = new SaveQueue<string>();
    const refusal = held<string>();
    const refused: string[] = [];
    const later: string[][] = [];
    queue.save('t', 'same', () => refusal.promise, () => {}, (err) => refused.push((err as Error).message));
    queue.save('t', 'same', () => Promise.resolve('saved'), (_next, waiting) => later.push(waiting), () => {});
    await tick();
    expect(queue.of('t')).toEqual(['same', 'same']);
    refusal.refuse(new Error('locked'));
    await tick();
    expect(refused).toEqual(['locked']);
    expect(later).toEqual([[]]);
    expect(queue.of('t')).toEqual([]);
  });
});
