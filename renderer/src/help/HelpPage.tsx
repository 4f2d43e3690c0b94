import { sharedArea, sharedAreas } from '../../../shared/areas';
import { rendererArea, rendererAreas } from '../areas';
import { SHORTCUTS } from './shortcuts';

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? '+' : null}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}

/** One table per area: each check, what it finds and the threshold the area gives it. */
function ChecksHelp() {
  const withRules = sharedAreas().filter((a) => Object.keys(a.checkRules).length > 0);
  return (
    <section aria-labelledby="help-checks">
      <h2 id="help-checks">Checks</h2>
      <p>
        Findings are not errors. Outturn computes subtotals and totals itself; the checks list the places where a reported figure or a line looks wrong, so you can look at
        them before a committee does. The Checks page shows them for the selected month, for every area; <code>outturn check</code> prints the same list. A finding&rsquo;s
        row opens the table it is about.
      </p>
      {withRules.map((area) => {
        const thresholds = rendererArea(area.id)?.checkThresholds ?? {};
        return (
          <table key={area.id} className="help__table" data-testid="help-checks" data-area={area.id}>
            <caption>{area.name}: the checks and their default thresholds</caption>
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">What it finds</th>
                <th scope="col">Threshold</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(area.checkRules).map(([id, rule]) => (
                <tr key={id}>
                  <th scope="row">{rule.title}</th>
                  <td>{rule.description}</td>
                  <td>{thresholds[id] ?? 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

/** How Outturn works, in plain English: each area's own help (formulas, rules), then what every page shares. */
export function HelpPage() {
  const areaHelp = rendererAreas().flatMap((a) => (a.help ? [{ id: a.id, name: sharedArea(a.id)?.name ?? a.id, Help: a.help }] : []));
  return (
    <article className="page help" aria-labelledby="page-title">
      <h1 id="page-title">Help</h1>

      {areaHelp.map(({ id, name, Help }) => (
        <section key={id} aria-labelledby={`help-area-${id}`} data-testid="help-area" data-area={id}>
          <h2 id={`help-area-${id}`}>{name}</h2>
          <Help />
        </section>
      ))}

      <ChecksHelp />

      <section aria-labelledby="help-rollforward">
        <h2 id="help-rollforward">Rolling forward a month</h2>
        <p>
          &ldquo;Roll forward&rdquo; (on the pages where figures are edited) creates next month from the selected one in one step, for every area holding figures that
          month. Earlier months stay as they are. A roll forward is not part of the undo history.
        </p>
      </section>

      <section aria-labelledby="help-monthend">
        <h2 id="help-monthend">Month-end: ready, sign-off, close</h2>
        <p>
          On the Month-end page the preparer marks the month ready for review once every finding under Checks is corrected or acknowledged with a note. A reviewer (another
          officer, unless the setting says otherwise) signs it off, which closes the month for every area: Outturn records who and when and a SHA-256 fingerprint of every
          figure, keeps the committee pack inside the workspace exactly as it was, prepares next month from this one and takes a backup that is kept for good. Any change to
          a month marked ready returns it to open. A closed month is reopened only with a reason; reopening makes its sign-off void.
        </p>
      </section>

      <section aria-labelledby="help-undo">
        <h2 id="help-undo">Undo and redo</h2>
        <p>
          Undo and Redo (and their shortcuts) are on the pages where figures are edited. Every change is kept in the workspace, so the history survives closing Outturn;
          undoing a step shows the table it changed.
        </p>
      </section>

      <section aria-labelledby="help-keys">
        <h2 id="help-keys">Keyboard shortcuts in the table</h2>
        <table className="help__table">
          <caption className="visually-hidden">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <th scope="row">
                  {s.keys.map((k, i) => (
                    <span key={k.join('+')}>
                      {i > 0 ? ' or ' : null}
                      <Keys keys={k} />
                    </span>
                  ))}
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>On a Mac, use Cmd in place of Ctrl.</p>
      </section>
    </article>
  );
}
