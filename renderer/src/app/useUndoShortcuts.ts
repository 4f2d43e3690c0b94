import { useEffect, useRef } from 'react';

/** True while the keystroke belongs to a text field (AG Grid's cell editor included), which has its own undo. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, [contenteditable=""], [contenteditable="true"]') !== null || document.querySelector('dialog[open]') !== null;
}

/**
 * Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo (Cmd on a Mac), anywhere in the window except inside a
 * field being typed in, while `enabled`: on the pages that show the Undo and Redo buttons, and nowhere
 * else. The history lives in the main process, so this only asks for a step.
 */
export function useUndoShortcuts(step: (kind: 'undo' | 'redo') => void | Promise<void>, enabled: boolean): void {
  const latest = useRef(step);
  latest.current = step;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.repeat) return;
      const key = e.key.toLowerCase();
      const kind = key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!kind || typingInField(e.target)) return;
      e.preventDefault();
      void latest.current(kind);
    };
    // Capture phase: the grid must not see the keystroke first and treat it as the start of an edit.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
