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
  /** Frames a second at the median frame, and at the 95th percentile frame. */
  fps: number;
  slow: number;
  /** The top row drawn after scrolling, and how many rows are drawn: proof the rows really moved. */
  top: number;
  rows: number;
}

/**
 * Scrolls the grid under `root` 150 frames of 120 px from where it is, one step a frame. Every scrolling
 * row counts towards `top` but the focused one (AG Grid keeps it drawn wherever it is) and the pinned
 * totals (not numbered as rows of the body).
 */
export function scrollProbe(root: string): string {
  return `(async () => {
    const viewport = document.querySelector(${JSON.stringify(`${root} .ag-body-vertical-scroll-viewport`)});
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 150; i++) {
      viewport.scrollTop += 120;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    const shown = [...document.querySelectorAll(${JSON.stringify(`${root} [role="row"][row-index]:not(.ag-row-focus)`)})].map((r) => Number(r.getAttribute('row-index'))).filter((i) => Number.isInteger(i));
    return { fps: 1000 / frames[Math.floor(frames.length / 2)], slow: 1000 / frames[Math.ceil(frames.length * 0.95) - 1], top: Math.min(...shown), rows: shown.length };
  })()`;
}
