import type { HistoryState } from '../../../shared/api/contract';

interface Props {
  history: HistoryState | null;
  onStep: (kind: 'undo' | 'redo') => void;
}

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = IS_MAC ? '⌘' : 'Ctrl+';

export function HistoryBar({ history, onStep }: Props) {
  return (
    <div className="history-bar">
      <button
        type="button"
        className="button"
        data-testid="undo"
        disabled={!history?.canUndo}
        title={history?.undoLabel ? `Undo ${history.undoLabel} (${MOD}Z)` : `Nothing to undo (${MOD}Z)`}
        onClick={() => onStep('undo')}
      >
        Undo
      </button>
      <button
        type="button"
        className="button"
        data-testid="redo"
        disabled={!history?.canRedo}
        title={history?.redoLabel ? `Redo ${history.redoLabel} (${MOD}Y)` : `Nothing to redo (${MOD}Y)`}
        onClick={() => onStep('redo')}
      >
        Redo
      </button>
    </div>
  );
}
