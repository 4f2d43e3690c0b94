import { useEffect, useState } from 'react';
import { reserveHistoryAltText, reserveHistoryChart, type ReserveHistory } from '../../../../shared/areas/reserves/history';

const SIZE = { width: 560, height: 240 } as const;

/** A reserve's balance over the months and its forecast year end, drawn as an image with its figures as alt text. */
export function HistoryChart({ history }: { history: ReserveHistory }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // ECharts loads only when a chart is drawn.
    void import('../../charts/svg').then((m) => !cancelled && setSrc(m.svgDataUrl([reserveHistoryChart(history)], SIZE)));
    return () => {
      cancelled = true;
    };
  }, [history]);
  const alt = reserveHistoryAltText(history);
  return (
    <figure className="reserves-history" data-testid="reserve-history">
      {src ? <img src={src} alt={alt} width={SIZE.width} height={SIZE.height} /> : <p className="loading">Drawing the chart…</p>}
      <figcaption>Balance at the end of each month to {history.asAtLabel}, and the forecast year-end balance.</figcaption>
    </figure>
  );
}
