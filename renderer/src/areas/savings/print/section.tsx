import type { SavingsTracker } from '../../../../../shared/areas/savings/api';
import { ragKeyBoundaries } from '../../../../../shared/areas/savings/key';
import { APPENDIX_HEADING, APPENDIX_TITLE, KEY_TITLE, notPublishedNote, OVERRIDE_HEADING, overrideNotes, PACK_COLUMNS, packRag, pctShown, trackerCaption } from '../../../../../shared/areas/savings/pack-layout';
import { APPENDIX_NUMBER } from '../../../../../shared/areas/savings/tracker';
import { formatValue } from '../../../../../shared/units';
import { RagKeyTable, ragStyle } from '../RagKey';
import { send } from '../../../api/client';
import type { PrintContext, PrintedSection } from '../../types';
import './print-savings.css';

/** The anchors the contents page links to. */
const sectionId = 'print-savings';
const trackerId = (directorate: string) => `print-savings-${directorate}`;

const money = (v: number | null) => formatValue(v, 'gbp_000');

function Tracker({ group }: { group: SavingsTracker['groups'][number] }) {
  return (
    <section className="print-savings__tracker" id={trackerId(group.directorate.id)} aria-label={group.title}>
      <h3 className="print-savings__caption">{trackerCaption(group)}</h3>
      <table className="print-savings__table">
        <thead>
          <tr>
            {PACK_COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.rows.map((r) => (
            <tr key={r.id}>
              <td className="print-savings__rag" style={ragStyle(r.rag)} data-testid={`print-rag-${r.id}`}>
                {packRag(r)}
              </td>
              <td>{r.bpRef}</td>
              <th scope="row">{r.title}</th>
              <td className="num">{money(r.originalSaving)}</td>
              <td className="num">{money(r.forecastSaving)}</td>
              <td className="num">{money(r.variance)}</td>
              <td className="num">{pctShown(r.pctVariance)}</td>
              <td>{r.commentary}</td>
            </tr>
          ))}
          <tr className="print-savings__total">
            <td />
            <td />
            <th scope="row">
              <span className="visually-hidden">Total</span>
            </th>
            <td className="num">{money(group.totals.originalSaving)}</td>
            <td className="num">{money(group.totals.forecastSaving)}</td>
            <td className="num">{money(group.totals.variance)}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Appendix({ tracker, topLevel }: { tracker: SavingsTracker; topLevel: boolean }) {
  const Heading = topLevel ? 'h1' : 'h2';
  const notes = overrideNotes(tracker);
  return (
    <section className="print-section print-savings" id={sectionId} aria-labelledby={`${sectionId}-title`}>
      <Heading id={`${sectionId}-title`}>{APPENDIX_HEADING}</Heading>
      {!tracker.quarter ? (
        <p className="print-note">{notPublishedNote(tracker)}</p>
      ) : (
        <>
          {tracker.groups.map((g) => (
            <Tracker key={g.directorate.id} group={g} />
          ))}
          {notes.length ? (
            <div className="print-savings__overrides" data-testid="print-savings-overrides">
              <p>
                <strong>{OVERRIDE_HEADING}</strong>
              </p>
              <ul>
                {notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <h3 className="print-savings__caption">{KEY_TITLE}</h3>
          <RagKeyTable settings={tracker.ragSettings} className="print-savings__key" ratingClass="print-savings__rag" />
          <p className="print-note">{ragKeyBoundaries(tracker.ragSettings)}</p>
        </>
      )}
    </section>
  );
}

/** Appendix 4 for the print view: the month's trackers through the same API as the page. */
export async function printSavingsSection(ctx: PrintContext): Promise<PrintedSection> {
  const tracker = await send('savings.tracker', { period: ctx.period });
  return {
    contents: {
      number: `Appendix ${APPENDIX_NUMBER}`,
      title: APPENDIX_TITLE,
      anchor: sectionId,
      entries: tracker.quarter ? tracker.groups.map((g) => ({ number: g.number, title: g.title, anchor: trackerId(g.directorate.id), entries: [] })) : [],
    },
    render: (topLevel) => <Appendix tracker={tracker} topLevel={topLevel} />,
  };
}
