/** Direction-of-travel arrows as the published tables print them, and as a screen reader says them. */
export type Arrow = 'up' | 'down' | 'flat';

export const ARROW_GLYPHS: Record<Arrow, string> = { up: '↑', down: '↓', flat: '↔' };
export const ARROW_WORDS: Record<Arrow, string> = { up: 'up', down: 'down', flat: 'no change' };

export function arrowOf(value: unknown): Arrow | null {
  return typeof value === 'string' && value in ARROW_GLYPHS ? (value as Arrow) : null;
}

/** True for a pasted text that is only an arrow, as a block copied from a published table carries them. */
export function isArrowText(text: string): boolean {
  return /^[↑↓↔]$/.test(text.trim());
}
