import type { MouseEvent } from 'react';
import { listPackSections } from '../../../shared/pack/sections';
import { formatMeetingDate } from '../../../shared/pack/settings';
import { financialYearOf } from '../../../shared/periods';
import type { ContentsEntry } from '../areas/types';
import type { PrintData } from './loadPrint';

/** In-page links that scroll without touching the address (its fragment is the print view's request). */
function jump(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(id)?.scrollIntoView();
  };
}

function ContentsLine({ entry }: { entry: ContentsEntry }) {
  return (
    <li>
      <span className="print-contents__number">{entry.number}</span>{' '}
      <a href={`#${entry.anchor}`} onClick={jump(entry.anchor)}>
        {entry.title}
      </a>
      {entry.entries.length ? (
        <ol>
          {entry.entries.map((e) => (
            <ContentsLine key={e.anchor} entry={e} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** Every section the pack can hold besides the cover, as its area labels it. */
function sectionChoices(): string {
  const labels = listPackSections()
    .filter((s) => s.id !== 'contents')
    .map((s) => s.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? 'a section');
}

/**
 * The cover and contents page, as the workbook's Contents sheet has it: council, committee, report
 * title, meeting date, month, author when given, then each section's line and its tables'. Links become
 * internal links in the PDF.
 */
export function PrintCover({ data, period }: { data: PrintData; period: string }) {
  const { settings } = data;
  return (
    <section className="print-cover" aria-labelledby="print-title">
      <p className="print-cover__council">{settings.councilName}</p>
      <h1 id="print-title">{data.reportTitle}</h1>
      {settings.committee ? <p className="print-cover__committee">{settings.committee}</p> : null}
      <dl className="print-cover__details">
        {settings.meetingDate ? (
          <>
            <dt>Meeting date</dt>
            <dd>{formatMeetingDate(settings.meetingDate)}</dd>
          </>
        ) : null}
        <dt>Period</dt>
        <dd>
          {data.periodLabel} (financial year {financialYearOf(period).replace('-', '/')})
        </dd>
        {settings.author ? (
          <>
            <dt>Author</dt>
            <dd>{settings.author}</dd>
          </>
        ) : null}
      </dl>
      <h2>Contents</h2>
      {data.sections.length ? (
        <ol className="print-contents">
          {data.sections.map((s) => (
            <ContentsLine key={s.id} entry={s.printed.contents} />
          ))}
        </ol>
      ) : (
        <p>This pack holds the cover only: choose {sectionChoices()} to include its tables.</p>
      )}
    </section>
  );
}
