import type { PackCell, PackChart, PackTableSection } from '../../../shared/pack/table-section';
import { formatValue } from '../../../shared/units';
import type { PrintedSection } from '../areas/types';

/** The anchors the contents page links to. */
const sectionAnchor = (s: PackTableSection) => `print-${s.id}`;
const tableAnchor = (s: PackTableSection, number: string) => `print-${s.id}-${number.replace(/\W+/g, '-')}`;

function text(cell: PackCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  return formatValue(cell.value, cell.unit, cell.zero ? { zero: cell.zero } : {});
}

/**
 * A section of plain published tables (shared/pack/table-section.ts) in the print view, from the same
 * layout the workbook is written from.
 */
export function printTableSection(section: PackTableSection, chartImages: ReadonlyMap<PackChart, string> = new Map()): PrintedSection {
  return {
    contents: {
      number: section.number,
      title: section.title,
      anchor: sectionAnchor(section),
      entries: section.tables.map((t) => ({ number: t.number, title: t.title, anchor: tableAnchor(section, t.number), entries: [] })),
    },
    render: (topLevel) => {
      const Heading = topLevel ? 'h1' : 'h2';
      const Sub = topLevel ? 'h2' : 'h3';
      return (
        <section className="print-section print-table-section" id={sectionAnchor(section)} aria-labelledby={`${sectionAnchor(section)}-title`}>
          <Heading id={`${sectionAnchor(section)}-title`}>
            {section.number}. {section.title}
          </Heading>
          {section.intro.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {section.tables.map((t) => (
            <div key={t.number} className="print-table-block">
              <Sub id={tableAnchor(section, t.number)}>
                {t.number} {t.title}
              </Sub>
              <table className="print-table">
                <thead>
                  <tr>
                    {t.headers.map((h, i) => (
                      <th key={i} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((row, r) => (
                    <tr key={r} className={`print-row--${row.kind}`}>
                      {row.cells.map((c, i) =>
                        i === 0 ? (
                          <th key={i} scope="row">
                            {text(c)}
                          </th>
                        ) : (
                          <td key={i} className={c !== null && typeof c === 'object' ? 'num' : undefined}>
                            {text(c)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {t.notes.map((n) => (
                <p key={n} className="print-note">
                  {n}
                </p>
              ))}
              {(t.charts ?? []).map((c) => (
                <figure key={c.title} className="print-table-chart">
                  {chartImages.has(c) ? <img src={chartImages.get(c)} alt={c.altText} width={c.width} height={c.height} /> : null}
                  <figcaption>{c.title}</figcaption>
                </figure>
              ))}
            </div>
          ))}
        </section>
      );
    },
  };
}

/** The section's charts drawn as SVG images (ECharts loads, as its own chunk, only when there are any). */
export async function tableSectionCharts(section: PackTableSection): Promise<Map<PackChart, string>> {
  const charts = section.tables.flatMap((t) => t.charts ?? []);
  const images = new Map<PackChart, string>();
  if (!charts.length) return images;
  const { svgDataUrl } = await import('../charts/svg');
  for (const c of charts) images.set(c, svgDataUrl([c.option], c));
  return images;
}
