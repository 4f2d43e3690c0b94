import { KAD_SECTION_NUMBER, KAD_SECTION_TITLE } from '../../../../../shared/areas/kad/pack-layout';
import { monthLabel, previousMonth } from '../../../../../shared/periods';
// The workbook prints the same text: one copy, so the two never differ.
import { KAD_INTRO, reportedDotNote } from '../../../../../shared/areas/kad/pack-text';
import type { PrintContext } from '../../types';
import { PRINT_CHART_SIZE, type KadPrintData } from './load';
import { PrintKadTable } from './PrintKadTable';

/** The anchors the contents page links to. */
export const kadSectionId = 'print-kad';
export const kadTableId = (serviceId: string) => `print-kad-${serviceId}`;

interface Props {
  data: KadPrintData;
  ctx: PrintContext;
  topLevel: boolean;
}

/**
 * Section 5 as published: the explanatory paragraphs, then each service's table with its two trend
 * charts under it. Each service starts a new page; a table and its charts are never split.
 */
export function PrintKadSection({ data, ctx, topLevel }: Props) {
  const Heading = topLevel ? 'h1' : 'h2';
  return (
    <section className="print-section print-kad-section" id={kadSectionId} aria-labelledby={`${kadSectionId}-title`}>
      <Heading id={`${kadSectionId}-title`}>
        {KAD_SECTION_NUMBER}. {KAD_SECTION_TITLE}
      </Heading>
      <div className="print-intro">
        <p>{KAD_INTRO.lead}</p>
        <ul>
          {KAD_INTRO.columns.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        <p>{KAD_INTRO.greyed}</p>
        <p>{KAD_INTRO.dot}</p>
        {data.previousHeld ? null : <p className="print-note">{reportedDotNote(monthLabel(previousMonth(ctx.period)))}</p>}
        {data.services.some((s) => s.table.lines.some((l) => l.inUse && l.carried.length)) ? (
          <p className="print-note" data-testid="print-kad-carried-note">
            Figures marked c/f are {monthLabel(previousMonth(ctx.period))}&rsquo;s, carried forward and not yet updated for {ctx.periodLabel}.
          </p>
        ) : null}
        <p>{KAD_INTRO.tieBack}</p>
      </div>
      {data.services.map((s) => (
        <section key={s.table.service.id} className="print-service" id={kadTableId(s.table.service.id)} aria-label={s.table.service.name}>
          {s.table.lines.length ? (
            <PrintKadTable table={s.table} caption={s.caption} />
          ) : (
            <>
              <h3 className="print-kad__caption">{s.caption}</h3>
              <p className="print-note">
                No {KAD_SECTION_TITLE} is held for {s.table.service.name} in {ctx.periodLabel}.
              </p>
            </>
          )}
          {s.charts.length ? (
            <div className="print-charts">
              {s.charts.map((c) => (
                <figure key={c.group} className="print-chart" data-testid={`print-chart-${s.table.service.id}-${c.group}`}>
                  <img src={c.src} alt={c.alt} width={PRINT_CHART_SIZE.width} height={PRINT_CHART_SIZE.height} />
                </figure>
              ))}
            </div>
          ) : null}
        </section>
      ))}
    </section>
  );
}
