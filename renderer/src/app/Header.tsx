import { useRef } from 'react';
import type { AppInfo } from '../../../shared/api/contract';

interface Props {
  info: AppInfo | null;
  onResetDemo: () => void;
}

/**
 * App name, which workspace is open and anything the officer must know before editing (read-only,
 * network share). Reset asks first in a modal <dialog>: it throws away every edit to the demo.
 */
export function Header({ info, onResetDemo }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <header className="header">
      <div className="header__bar">
        <span className="header__app">Outturn</span>
        {info ? (
          <span className="header__workspace" title={info.workspacePath}>
            <span className="visually-hidden">Workspace: </span>
            {info.workspaceName}
          </span>
        ) : null}
        {info?.isDemo ? <span className="badge">Demo</span> : null}
        <span className="header__spacer" />
        {info ? (
          <span className="header__who">
            {info.user} on {info.machine}
          </span>
        ) : null}
        {info?.isDemo ? (
          <button
            type="button"
            className="button button--quiet"
            data-testid="reset-demo"
            disabled={info.readOnly}
            onClick={() => dialog.current?.showModal()}
          >
            Reset demo
          </button>
        ) : null}
      </div>
      {info?.readOnly ? (
        <p className="banner banner--readonly" data-testid="readonly-banner">
          {/^read-only/i.test(info.readOnlyReason ?? '') ? null : <strong>Read-only. </strong>}
          {info.readOnlyReason ?? 'This workspace is open read-only.'}
        </p>
      ) : null}
      {info?.networkShareWarning ? (
        <p className="banner banner--warning" data-testid="network-warning">
          <strong>Warning.</strong> {info.networkShareWarning}
        </p>
      ) : null}
      <dialog ref={dialog} className="dialog" aria-labelledby="reset-title" aria-describedby="reset-text">
        <form method="dialog">
          <h2 id="reset-title">Reset the demo workspace?</h2>
          <p id="reset-text">
            This puts back the published August 2023 figures and clears the undo history. Every change you have made to the demo will be lost.
          </p>
          <div className="dialog__actions">
            <button type="submit" value="cancel" className="button" autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              data-testid="reset-demo-confirm"
              onClick={() => {
                dialog.current?.close();
                onResetDemo();
              }}
            >
              Reset demo
            </button>
          </div>
        </form>
      </dialog>
    </header>
  );
}
