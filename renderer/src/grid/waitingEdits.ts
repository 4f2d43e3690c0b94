/**
 * Edits already on screen whose saves have not been answered yet, oldest first, each with the table it
 * belongs to. Saves are answered in the order they were sent, so the answer to an earlier one does not
 * hold a later edit: the page puts the later edits back on top of it, or the cell (and its totals) would
 * show the figure from before that edit until its own answer came.
 */
export class WaitingEdits<Cells> {
  private edits: { table: string; cells: Cells }[] = [];

  /** Notes an edit shown; returns what forgets it, once its save has been answered or refused. */
  add(table: string, cells: Cells): () => void {
    const edit = { table, cells };
    this.edits.push(edit);
    return () => {
      this.edits = this.edits.filter((e) => e !== edit);
    };
  }

  /** The edits of a table still waiting, oldest first. */
  of(table: string): Cells[] {
    return this.edits.filter((e) => e.table === table).map((e) => e.cells);
  }
}
