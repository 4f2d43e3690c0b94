import { DEFAULT_RAG_SETTINGS } from '../../../../../shared/areas/savings/rag';
import { ragKeyBoundaries } from '../../../../../shared/areas/savings/key';
import type { SavingsCheckRule } from '../../../../../shared/areas/savings/checks';

export const SAVINGS_CHECK_THRESHOLDS: Partial<Record<SavingsCheckRule, string>> = {
  'reported-total-mismatch': 'Within ±2 £000.',
  'reported-variance-mismatch': 'Variance within ±2 £000; % within ±1 percentage point.',
};

/** How the Savings Tracker rates and tracks savings, in plain English. */
export function SavingsHelp() {
  return (
    <>
      <section aria-labelledby="help-savings-rag">
        <h3 id="help-savings-rag">RAG ratings</h3>
        <p>
          Outturn rates every saving by the council&rsquo;s Key to RAG Ratings: the band comes from the size of the original saving, Black when nothing is forecast to be
          saved, Blue when more is saved than planned, and otherwise from the % variance. {ragKeyBoundaries(DEFAULT_RAG_SETTINGS)} The boundaries are settings.
        </p>
        <p>
          A RAG found in a published or imported tracker is kept as it was reported; Outturn shows the key&rsquo;s RAG and Checks lists the departure. To show a different
          RAG, set it on the saving with a reason: it is marked (override) on screen, in the print view and in the committee pack.
        </p>
      </section>
      <section aria-labelledby="help-savings-quarters">
        <h3 id="help-savings-quarters">Quarters</h3>
        <p>
          Each saving holds one current forecast. When the month that publishes a quarter closes (August for Quarter 1, November, February and the outturn month by default),
          Outturn keeps that quarter&rsquo;s tracker as it stood; reopening the month discards it. The tracker shows how far each forecast has moved since the last
          quarter&rsquo;s.
        </p>
      </section>
    </>
  );
}
