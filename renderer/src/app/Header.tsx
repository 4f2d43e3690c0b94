import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
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
  const [confirming, setConfirming] = useState(false);
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
            onClick={() => setConfirming(true)}
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
      <ConfirmDialog
        open={confirming}
        title="Reset the demo workspace?"
        confirmLabel="Reset demo"
        tone="danger"
        confirmTestId="reset-demo-confirm"
        onConfirm={() => {
          setConfirming(false);
          onResetDemo();
        }}
        onClose={() => setConfirming(false)}
      >
        <p>This puts back the published August 2023 figures and clears the undo history. Every change you have made to the demo will be lost.</p>
      </ConfirmDialog>
    </header>
  );
}
