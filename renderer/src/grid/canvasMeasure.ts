import type { Measure } from './sizing';

/** A Measure drawing on one offscreen canvas: the same font matching as the page, no layout. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, f) => {
    const key = `${f}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (!context) return text.length * 16; // no canvas (never in a browser): too wide rather than cut off
      context.font = f;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
