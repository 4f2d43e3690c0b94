import { describe, expect, it } from 'vitest';
import { WaitingEdits } from '../../renderer/src/grid/waitingEdits';

describe('edits waiting for their saves to be answered', () => {
  it("lists a table's edits oldest first, forgets each once answered, and keeps tables apart", () => {
    const waiting = new WaitingEdits<string>();
    const first = waiting.add('2023-08/a', 'one');
    waiting.add('2023-08/b', 'elsewhere');
    const third = waiting.add('2023-08/a', 'three');
    expect(waiting.of('2023-08/a')).toEqual(['one', 'three']);
    first();
    expect(waiting.of('2023-08/a')).toEqual(['three']);
    third();
    third();
    expect(waiting.of('2023-08/a')).toEqual([]);
    expect(waiting.of('2023-08/b')).toEqual(['elsewhere']);
  });

  it('tells two equal edits apart: forgetting one keeps the other', () => {
    const waiting = new WaitingEdits<string>();
    const one = waiting.add('t', 'same');
    waiting.add('t', 'same');
    one();
    expect(waiting.of('t')).toEqual(['same']);
  });
});
