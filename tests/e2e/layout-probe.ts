/**
 * Layout probes run inside the page (page.evaluate), so each is one self-contained function: no imports,
 * no helpers from outside its body. Each returns the problems it saw, as sentences, so a failing test
 * lists every cut figure or split word at once.
 */

/**
 * Every text of the grid (body cells, pinned cells, header and band cells, row labels) fits its box: from
 * the innermost element that lays the text out (an inline span's nearest block) up to the cell itself,
 * no box is wider or taller inside than out. A header word must sit on one line: each word's line boxes
 * (Range.getClientRects) share one top.
 */
export function textFitProblems(gridSelector: string): string[] {
  const problems: string[] = [];
  const grid = document.querySelector(gridSelector);
  if (!grid) return [`no grid at ${gridSelector}`];
  const cells = grid.querySelectorAll('.ag-cell, .ag-header-cell, .ag-header-group-cell');
  if (cells.length === 0) return ['the grid shows no cells'];
  for (const cell of cells) {
    const rowId = cell.closest('[row-id]')?.getAttribute('row-id') ?? 'header';
    const where = `${rowId} · ${cell.getAttribute('col-id') ?? '?'}`;
    const header = !cell.classList.contains('ag-cell');
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim() || !node.parentElement) continue;
      let box: Element = node.parentElement;
      while (box !== cell && getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
      for (let el: Element | null = box; el; el = el === cell ? null : el.parentElement) {
        if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
          problems.push(`${where}: "${text.trim()}" is cut off (${el.scrollWidth}×${el.scrollHeight} of content in ${el.clientWidth}×${el.clientHeight})`);
          break;
        }
      }
      if (!header) continue;
      for (const word of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`${where}: the header word "${word[0]}" is split across ${tops.size} lines`);
      }
    }
  }
  return problems;
}

/**
 * The grid scrolls itself, not the page: the document is no wider than the window and the grid no wider
 * than its region. Scrolled to its right-hand end, the grid still shows every row label (pinned) and the
 * last column, and no cell of the last body row or the pinned rows is covered (by a scrollbar or anything
 * else): the element at each visible cell's centre line, top to bottom, is that cell.
 */
export async function scrollProblems(regionSelector: string): Promise<string[]> {
  const problems: string[] = [];
  const region = document.querySelector(regionSelector);
  const root = region?.querySelector('.ag-root-wrapper');
  if (!region || !root) return [`no grid at ${regionSelector}`];
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) problems.push(`the page scrolls sideways (${doc.scrollWidth}px of content in ${doc.clientWidth}px)`);
  if (region.scrollWidth > region.clientWidth) problems.push(`the grid's region scrolls sideways (${region.scrollWidth}px in ${region.clientWidth}px)`);
  const regionRect = region.getBoundingClientRect();
  const rootRect = root.getBoundingClientRect();
  if (rootRect.right > regionRect.right + 0.5) problems.push(`the grid is wider than its region (${Math.round(rootRect.width)}px in ${Math.round(regionRect.width)}px)`);

  // Scroll the grid's own viewport to its far right, as dragging its scrollbar would.
  const viewport = root.querySelector('.ag-grid-viewport') ?? root.querySelector('.ag-body-horizontal-scroll-viewport');
  if (viewport) {
    viewport.scrollLeft = viewport.scrollWidth;
    viewport.dispatchEvent(new Event('scroll'));
  }
  await frame();
  const gridRect = root.getBoundingClientRect();
  const pinnedRight = root.querySelector('.ag-header-cell[col-id="label"]')?.getBoundingClientRect().right ?? gridRect.left;
  // Wholly in view: right of the pinned labels (scrolled cells pass under them) and left of the grid's edge.
  const inView = (cell: Element) => {
    const r = cell.getBoundingClientRect();
    return cell.getAttribute('col-id') === 'label' ? r.left >= gridRect.left - 1 && r.right <= gridRect.right + 1 : r.left >= pinnedRight - 1 && r.right <= gridRect.right + 1;
  };
  // Probed near its top, in the middle and near its bottom: a scrollbar strip may cover only part of a row.
  const hit = (cell: Element, what: string) => {
    const r = cell.getBoundingClientRect();
    for (const y of [r.top + 3, r.top + r.height / 2, r.bottom - 3]) {
      const at = document.elementFromPoint(r.left + r.width / 2, y);
      if (at && cell.contains(at)) continue;
      problems.push(`${what} is covered by ${at ? `${at.tagName.toLowerCase()}.${[...at.classList].join('.')}` : 'nothing on screen'}`);
      return;
    }
  };
  const headers = [...root.querySelectorAll('.ag-header-cell[col-id]')];
  const last = headers.reduce<Element | null>((a, b) => (!a || b.getBoundingClientRect().right > a.getBoundingClientRect().right ? b : a), null);
  if (last && last.getBoundingClientRect().right > gridRect.right + 1) problems.push(`scrolled to the end, the last column (${last.getAttribute('col-id')}) is still cut off`);

  const rows = [...root.querySelectorAll('.ag-row[row-id]')];
  for (const row of rows) {
    const label = row.querySelector('[col-id="label"]');
    if (!label) {
      problems.push(`row ${row.getAttribute('row-id')} has no label cell`);
      continue;
    }
    if (!inView(label)) problems.push(`scrolled sideways, the label of ${row.getAttribute('row-id')} is out of view`);
  }
  const body = rows.filter((r) => !r.closest('.ag-grid-pinned-bottom-rows, .ag-floating-bottom'));
  const pinned = rows.filter((r) => r.closest('.ag-grid-pinned-bottom-rows, .ag-floating-bottom'));
  const lastBody = body.reduce<Element | null>((a, b) => (!a || Number(b.getAttribute('row-index')) > Number(a.getAttribute('row-index')) ? b : a), null);
  for (const row of [...(lastBody ? [lastBody] : []), ...pinned]) {
    // Bring the row to the middle of the window by scrolling the page only: the grid stays scrolled sideways.
    window.scrollBy(0, row.getBoundingClientRect().top - window.innerHeight / 2);
    await frame();
    for (const cell of row.querySelectorAll('.ag-cell[col-id]')) {
      if (inView(cell)) hit(cell, `${row.getAttribute('row-id')} · ${cell.getAttribute('col-id')}`);
    }
  }
  if (viewport) {
    viewport.scrollLeft = 0;
    viewport.dispatchEvent(new Event('scroll'));
  }
  window.scrollTo(0, 0);
  await frame();
  return problems;
}
