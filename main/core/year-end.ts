import { UserError } from '../../shared/api/errors';
import { monthLabel, monthsOfFinancialYear } from '../../shared/periods';
import { areas } from '../areas';
import { listEvents, recordEvent } from '../store/events';
import { insertPeriods } from '../store/periods';
import type { Channel, Workspace } from '../store/workspace';

/**
 * The year-end rollover: creates the next financial year's twelve months and lets every area open the
 * new year from the old one's final figures (its `yearEnd` hook: balances brought forward).
 * Nothing of a month's figures is rolled into April: budgets await the new Business Plan's import.
 * One audited step; a year is rolled over once.
 */
export interface YearEndSummary {
  fromYear: string;
  toYear: string;
  /** Per area that has something to say: its name and plain lines. */
  areas: { area: string; name: string; lines: string[] }[];
  label: string;
}

export function nextFinancialYear(fy: string): string {
  const start = Number(fy.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const yearWords = (fy: string) => fy.replace('-', '/');

function requireYear(ws: Workspace, fy: string): string {
  if (!/^\d{4}-\d{2}$/.test(fy) || Number(fy.slice(5)) !== (Number(fy.slice(0, 4)) + 1) % 100) throw new UserError('invalid_input', `"${fy}" is not a financial year: write it like 2023-24.`);
  const months = monthsOfFinancialYear(fy);
  const held = ws.db.prepare(`SELECT COUNT(*) FROM periods WHERE id BETWEEN ? AND ?`).pluck().get(months[0]!, months.at(-1)!) as number;
  if (!held) throw new UserError('not_found', `${yearWords(fy)} is not a financial year of this workspace.`);
  if (listEvents(ws, 'year-end').some((e) => e.detail.fromYear === fy)) throw new UserError('invalid_input', `${yearWords(fy)} has already been rolled over into ${yearWords(nextFinancialYear(fy))}.`);
  return nextFinancialYear(fy);
}

export function yearEndPreview(ws: Workspace, fy: string): YearEndSummary {
  const to = requireYear(ws, fy);
  return {
    fromYear: fy,
    toYear: to,
    areas: areas().flatMap((a) => {
      const lines = a.yearEndPreview?.(ws, fy, to) ?? [];
      return lines.length ? [{ area: a.shared.id, name: a.shared.name, lines }] : [];
    }),
    label: `Year-end rollover from ${yearWords(fy)} to ${yearWords(to)}`,
  };
}

export function rollOverYear(ws: Workspace, fy: string, channel: Channel): YearEndSummary {
  const to = requireYear(ws, fy);
  const months = monthsOfFinancialYear(to);
  for (const m of months) if (ws.db.prepare(`SELECT status FROM periods WHERE id = ?`).pluck().get(m) === 'closed') throw new UserError('period_closed', `${monthLabel(m)} is already closed, so ${yearWords(to)} cannot be opened.`);
  const label = `Year-end rollover from ${yearWords(fy)} to ${yearWords(to)}`;
  const summary: YearEndSummary = { fromYear: fy, toYear: to, areas: [], label };
  ws.write({ channel, label, undoable: false }, () => {
    insertPeriods(ws, months);
    for (const a of areas()) {
      const lines = a.yearEnd?.(ws, fy, to) ?? [];
      if (lines.length) summary.areas.push({ area: a.shared.id, name: a.shared.name, lines });
    }
    recordEvent(ws, 'year-end', { fromYear: fy, toYear: to }, months[0]!);
  });
  return summary;
}
