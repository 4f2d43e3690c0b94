import type { PeriodInfo } from '../../../shared/api/contract';
import { rendererAreas } from '../areas';
import { QuarterSettings } from './QuarterSettings';

interface Props {
  period: PeriodInfo;
  months: readonly PeriodInfo[];
  /** Why nothing can be written (read-only workspace), or null. */
  lock: string | null;
  /** Bumped by the shell after any change, undo or reset: everything here is fetched again. */
  reloadKey: number;
  /** A change was saved: the shell reloads the months, history and pages and shows the message. */
  onChanged: (message: string) => void;
}

/** Every area's settings, in the registry's order (each brings its own sections and headings), then the workspace's quarters. */
export function SettingsPage({ period, months, lock, reloadKey, onChanged }: Props) {
  const parts = rendererAreas().flatMap((a) => (a.settings ? [{ id: a.id, Settings: a.settings }] : []));
  return (
    <section className="page settings" aria-labelledby="page-title">
      <h1 id="page-title">Settings</h1>
      {lock ? (
        <p className="banner banner--readonly">
          <strong>Not editable.</strong> {lock}
        </p>
      ) : null}
      {parts.map(({ id, Settings }) => (
        <Settings key={id} period={period} months={months} lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
      ))}
      <QuarterSettings lock={lock} reloadKey={reloadKey} onChanged={onChanged} />
    </section>
  );
}
