/**
 * What the revenue bench runs inside the page, the same for Outturn's grid and for AG Grid on its own
 * (bareGrid.ts), so the two are timed alike. Strings, so these Node-side files need no DOM typings.
 */

/**
 * Arms a timer for one committed edit: from the Enter keydown to the first frame after the total's text
 * changed. Await `window.benchDone` for the milliseconds.
 */
export function armTotalProbe(totalSelector: string): string {
  return `(() => {
    const el = document.querySelector(${JSON.stringify(totalSelector)});
    const before = el.textContent;
    window.benchDone = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (el.textContent !== before) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - window.benchStart));
        }
      });
      obs.observe(el, { characterData: true, childList: true, subtree: true });
    });
    const onKey = (e) => { if (e.key === 'Enter') { window.benchStart = performance.now(); document.removeEventListener('keydown', onKey, true); } };
    document.addEventListener('keydown', onKey, true);
  })()`;
}

export interface ScrollResult {
  /** Frames a second at the median frame, and at the 95th percentile frame, over the whole way down. */
  fps: number;
  slow: number;
  /** The same over the first 150 frames alone: the rows first drawn, while the page's scrolling code is still new to the browser. */
  firstFps: number;
  /** How many frames it took to reach the bottom. */
  frames: number;
  /** The top row drawn at the bottom, and how many rows are drawn: proof the rows really moved. */
  top: number;
  rows: number;
}

/**
 * Scrolls the grid under `root` from where it is to the bottom, 120 px a frame, one step a frame, and times
 * every frame: the whole table, not just its first rows, so no stretch of it (the first rows drawn while the
 * browser is still compiling the scrolling code, or a moment a neighbour took a core) weighs more than its
 * share of the way down. Every scrolling row counts towards `top` but the focused one (AG Grid keeps it
 * drawn wherever it is) and the pinned totals (not numbered as rows of the body).
 */
export function scrollProbe(root: string): string {
  return `(async () => {
    const viewport = document.querySelector(${JSON.stringify(`${root} .ag-body-vertical-scroll-viewport`)});
    const frames = [];
    let last = performance.now();
    for (;;) {
      const before = viewport.scrollTop;
      viewport.scrollTop += 120;
      if (viewport.scrollTop === before) break;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    // The median is the upper of the two middle frames, the slower.
    const sortedOf = (xs) => [...xs].sort((a, b) => a - b);
    const median = (xs) => 1000 / sortedOf(xs)[Math.floor(xs.length / 2)];
    const p95 = (xs) => 1000 / sortedOf(xs)[Math.ceil(xs.length * 0.95) - 1];
    const shown = [...document.querySelectorAll(${JSON.stringify(`${root} [role="row"][row-index]:not(.ag-row-focus)`)})].map((r) => Number(r.getAttribute('row-index'))).filter((i) => Number.isInteger(i));
    return { fps: median(frames), slow: p95(frames), firstFps: median(frames.slice(0, 150)), frames: frames.length, top: Math.min(...shown), rows: shown.length };
  })()`;
}
