import type { ICellRendererParams } from 'ag-grid-community';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyClasses, SheetCell, type SheetCellParams } from '../../renderer/src/grid/SheetCell';
import type { GridColumn, GridRow } from '../../renderer/src/grid/types';

/**
 * Just enough of the DOM for the renderer (the unit tests run in Node): elements with attributes, a
 * class name, children and textContent as the browser defines them (setting it replaces every child).
 */
class FakeText {
  parentNode: FakeElement | null = null;
  constructor(public textContent: string) {}
}
/** A class list that records every change made to it: each change makes the browser style the cell again. */
class FakeClassList {
  readonly classes = new Set<string>();
  readonly changes: string[] = [];
  add(c: string): void {
    if (/\s/.test(c)) throw new Error(`The token provided ('${c}') contains HTML space characters`);
    this.changes.push(`+${c}`);
    this.classes.add(c);
  }
  remove(c: string): void {
    this.changes.push(`-${c}`);
    this.classes.delete(c);
  }
}
class FakeElement {
  parentNode: FakeElement | null = null;
  className = '';
  readonly classList = new FakeClassList();
  childNodes: (FakeElement | FakeText)[] = [];
  private readonly attributes = new Map<string, string>();
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  get childElementCount(): number {
    return this.childNodes.filter((c) => c instanceof FakeElement).length;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.replaceChildren(...(text ? [new FakeText(text)] : []));
  }
  replaceChildren(...nodes: (FakeElement | FakeText)[]): void {
    for (const c of this.childNodes) c.parentNode = null;
    for (const n of nodes) {
      if (n.parentNode) n.parentNode.childNodes = n.parentNode.childNodes.filter((c) => c !== n);
      n.parentNode = this;
    }
    this.childNodes = nodes;
  }
}

const realDocument = (globalThis as { document?: unknown }).document;
beforeAll(() => {
  (globalThis as { document?: unknown }).document = { createElement: () => new FakeElement() };
});
afterAll(() => {
  (globalThis as { document?: unknown }).document = realDocument;
});

const figure: GridColumn = { colId: 'gross', header: 'Gross Budget', spokenHeader: 'Gross Budget', band: 'figures', kind: 'figure', unit: 'gbp_000' };
const dot: GridColumn = { colId: 'dot', header: 'DoT', spokenHeader: 'DoT', band: 'figures', kind: 'dot' };
// Figures are held as hundredths of the displayed unit (shared/units): 227,100 shows as 2,271 in £000.
const line = (gross: number | null, notes?: Record<string, string>, arrow: string | null = null): GridRow => ({ key: 'a', label: 'Homecare', kind: 'line', values: { gross, dot: arrow }, editable: ['gross'], notes });

// As columnDefs gives them: the column's own classes, and the row's state (an editable figure here).
const classesOf = (row: GridRow | undefined) => ['ag-right-aligned-cell', ...(row?.editable.includes('gross') ? ['sheet-cell--editable'] : [])];

function render(column: GridColumn, cell = new FakeElement()) {
  const renderer = new SheetCell();
  const params = (data: GridRow) => ({ data, eGridCell: cell, eParentOfValue: cell, gridColumn: column, classesOf, context: undefined }) as unknown as ICellRendererParams<GridRow> & SheetCellParams;
  return { cell, init: (data: GridRow) => renderer.init(params(data)), refresh: (data: GridRow) => renderer.refresh(params(data)), gui: () => renderer.getGui() };
}

describe('SheetCell writes a figure straight into its cell, and a box only where one is needed', () => {
  it('gives AG Grid no element: a plain figure is the cell’s own text, named for a screen reader', () => {
    const r = render(figure);
    r.init(line(227_100));
    expect(r.gui()).toBeNull();
    expect([r.cell.childElementCount, r.cell.textContent]).toEqual([0, '2,271']);
    expect(r.cell.getAttribute('aria-label')).toBe('Homecare, Gross Budget, 2,271');
  });

  it('puts a noted figure in a box with its note as the tooltip, and takes the box away when the note goes', () => {
    const r = render(figure);
    r.init(line(227_100));
    r.refresh(line(230_000, { gross: 'computed from the extract' }));
    const box = r.cell.childNodes[0] as FakeElement;
    expect([r.cell.childNodes.length, box.className, box.getAttribute('title'), box.textContent]).toEqual([1, 'sheet-cell__noted', 'computed from the extract', '2,300']);
    expect(r.cell.getAttribute('aria-label')).toBe('Homecare, Gross Budget, 2,300, computed from the extract');
    // The same figure without its note: the box goes, the text stays.
    r.refresh(line(230_000));
    expect([r.cell.childElementCount, r.cell.textContent]).toEqual([0, '2,300']);
    expect(box.parentNode).toBeNull();
  });

  it('draws an arrow in a box and leaves a cell without one empty', () => {
    const r = render(dot);
    r.init(line(1, undefined, 'up'));
    const box = r.cell.childNodes[0] as FakeElement;
    expect([r.cell.childNodes.length, box.className, box.getAttribute('aria-hidden')]).toEqual([1, 'sheet-dot', 'true']);
    r.refresh(line(1, undefined, null));
    expect([r.cell.childNodes.length, r.cell.textContent]).toEqual([0, '']);
    r.refresh(line(1, undefined, 'down'));
    expect([r.cell.childNodes.length, r.cell.childNodes[0]]).toEqual([1, box]);
  });

  it('writes over whatever the cell held before it (an editor AG Grid has not yet taken away)', () => {
    const r = render(figure);
    r.cell.replaceChildren(new FakeElement());
    r.init(line(500));
    expect([r.cell.childElementCount, r.cell.textContent]).toEqual([0, '5']);
  });

  it('gives the cell its classes and, on a refresh, changes only those that differ', () => {
    const r = render(figure);
    r.init(line(500));
    expect([...r.cell.classList.classes]).toEqual(['ag-right-aligned-cell', 'sheet-cell--editable']);
    // A new figure, the same classes: none is taken off and put back (AG Grid's own cellClass does that).
    r.cell.classList.changes.length = 0;
    r.refresh(line(600));
    expect(r.cell.classList.changes).toEqual([]);
    r.refresh({ ...line(600), editable: [] });
    expect(r.cell.classList.changes).toEqual(['-sheet-cell--editable']);
    // A renderer made again for the same cell element (after an edit) knows what the cell already has.
    const again = render(figure, r.cell);
    again.init({ ...line(700), editable: [] });
    expect(r.cell.classList.changes).toEqual(['-sheet-cell--editable']);
  });

  it('takes an entry holding several classes separated by spaces as those classes (a RAG cell: the word and its colour)', () => {
    const cell = new FakeElement();
    applyClasses(cell as unknown as HTMLElement, ['savings-rag savings-rag--green', 'ag-right-aligned-cell']);
    expect([...cell.classList.classes]).toEqual(['savings-rag', 'savings-rag--green', 'ag-right-aligned-cell']);
    applyClasses(cell as unknown as HTMLElement, ['savings-rag  savings-rag--amber', 'ag-right-aligned-cell']);
    expect([...cell.classList.classes]).toEqual(['savings-rag', 'ag-right-aligned-cell', 'savings-rag--amber']);
  });
});
