import type { Target } from '../../../shared/area';
import type { PeriodInfo } from '../../../shared/api/contract';
import { BackupsPage } from '../backups/BackupsPage';
import { ChecksPage } from '../checks/ChecksPage';
import type { ChecksState } from '../checks/useChecks';
import { HelpPage } from '../help/HelpPage';
import { ImportPage } from '../import/ImportPage';
import { MonthEndPage } from '../monthend/MonthEndPage';
import { PackPage } from '../pack/PackPage';
import { ReturnsPage } from '../returns/ReturnsPage';
import type { PrintRequest } from '../print/printHash';
import { SettingsPage } from '../settings/SettingsPage';
import type { CorePageId } from './pages';

interface Props {
  page: CorePageId;
  /** The toolbar's month. */
  period: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  reloadKey: number;
  /** The month's findings, held by the shell so the nav can count them from any page. */
  checks: ChecksState;
  /** Something was saved, imported or restored: the shell reloads everything and shows the message. */
  onChanged: (message: string) => void;
  /** Opens the page a finding or an imported table names. */
  onOpen: (target: Target) => void;
  onOpenPrint: (req: PrintRequest) => void;
}

/** The pages every workspace has, whatever its areas: they reach areas through the registry only. */
export function CorePage({ page, period, months, lock, reloadKey, checks, onChanged, onOpen, onOpenPrint }: Props) {
  switch (page) {
    case 'checks':
      return <ChecksPage period={period} checks={checks} lock={lock} onOpen={(f) => f.target && onOpen(f.target)} />;
    case 'monthend':
      return <MonthEndPage period={period} lock={lock} reloadKey={reloadKey} onChanged={onChanged} onOpenChecks={() => onOpen({ area: 'checks', params: {} })} />;
    case 'returns':
      return <ReturnsPage period={period} reloadKey={reloadKey} lock={lock} />;
    case 'import':
      return <ImportPage months={months} period={period} lock={lock} onApplied={onChanged} onOpen={onOpen} />;
    case 'backups':
      return <BackupsPage lock={lock} onRestored={onChanged} />;
    case 'pack':
      return <PackPage period={period} lock={lock} reloadKey={reloadKey} onChanged={onChanged} onOpenPrint={onOpenPrint} />;
    case 'settings':
      return <SettingsPage period={period} months={months} lock={lock} reloadKey={reloadKey} onChanged={onChanged} />;
    case 'help':
      return <HelpPage />;
  }
}
