import { trackWrite } from '../api/client';

/**
 * A page's saves of edits already on screen, sent one after another: each is answered before the next is
 * sent. The answer to an earlier save does not hold a later edit yet, so each answer is handed over with
 * the edits of its table still waiting, oldest first, for the page to put back on top of it: taken as it
 * is, it would show that cell (and its totals) as before the later edit until that edit's own answer came.
 */
export class SaveQueue<Cells> {
  private tail: Promise<void> = Promise.resolve();
  private waiting: { table: string; cells: Cells }[] = [];

  /**
   * Sends `cells` of `table` (any name that tells the page's tables apart) once the saves before it are
   * answered; then `answered` gets the answer and the table's later edits still waiting, or `refused` the
   * error. Undo and redo wait for it (trackWrite).
   */
  save<Answer>(table: string, cells: Cells, send: () => Promise<Answer>, answered: (next: Answer, later: Cells[]) => void, refused: (err: unknown) => void): void {
    const edit = { table, cells };
    this.waiting.push(edit);
    const forget = () => {
      this.waiting = this.waiting.filter((e) => e !== edit);
    };
    this.tail = trackWrite(
      this.tail.then(async () => {
        try {
          const next = await send();
          forget();
          answered(next, this.of(table));
        } catch (err) {
          forget();
          refused(err);
        }
      }),
    );
  }

  /** The edits of a table still waiting, oldest first. */
  of(table: string): Cells[] {
    return this.waiting.filter((e) => e.table === table).map((e) => e.cells);
  }
}
