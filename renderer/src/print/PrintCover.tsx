import type { MouseEvent } from 'react';
import { KAD_SECTION_NUMBER, KAD_SECTION_TITLE } from '../../../shared/areas/kad/pack-layout';
import { formatMeetingDate } from '../../../shared/pack/settings';
import { financialYearOf } from '../../../shared/periods';
import type { PrintData } from './loadPrint';

/** In-page links that scroll without touching the address (its fragment is the print view's request). */
function jump(id: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(id)?.scrollIntoView();
  };
}

export const kadSectionId = 'print-kad';
export const kadTableId = (serviceId: string) => `print-kad-${serviceId}`;

/**
 * The cover and contents page, as the workbook's Contents sheet has it: council, committee, report
 * title, meeting date, month, author when given, then the sections and their tables. Links become
 * internal links in the PDF.
 */
export function PrintCover({ data, period, withKad }: { data: PrintData; period: string; withKad: boolean }) {
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
      {withKad ? (
        <ol className="print-contents">
          <li>
            <span className="print-contents__number">{KAD_SECTION_NUMBER}</span>{' '}
            <a href={`#${kadSectionId}`} onClick={jump(kadSectionId)}>
              {KAD_SECTION_TITLE}
            </a>
            <ol>
              {data.services.map((s, i) => (
                <li key={s.table.service.id}>
                  <span className="print-contents__number">
                    {KAD_SECTION_NUMBER}.{i + 1}
                  </span>{' '}
                  <a href={`#${kadTableId(s.table.service.id)}`} onClick={jump(kadTableId(s.table.service.id))}>
                    {s.table.service.name}
                  </a>
                </li>
              ))}
            </ol>
          </li>
        </ol>
      ) : (
        <p>This pack holds the cover only: choose Section 5 Key Activity Data to include its tables.</p>
      )}
    </section>
  );
}
