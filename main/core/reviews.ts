import { UserError } from '../../shared/api/errors';
import { findingKey, fingerprint, type Finding, type RawFinding, type Review } from '../../shared/checks';
import { monthLabel } from '../../shared/periods';
import type { Channel, Workspace } from '../store/workspace';

/**
 * Accepting and acknowledging findings, once, for every area: an officer accepts a finding that their
 * own correction superseded, or acknowledges one (a published error kept as published) with a note.
 * A review covers the finding only while its reported and computed figures are the ones reviewed.
 */
interface ReviewRow {
  table_name: string;
  area: string;
  row_key: string;
  column_key: string;
  rule: string;
  fingerprint: string;
  status: Review['status'];
  note: string;
  reviewed_by: string;
  reviewed_at: string;
}

const keyOf = (k: ReturnType<typeof findingKey>) => [k.area, k.table, k.rowKey, k.columnKey, k.rule].join('\u0000');

/** The area engines' findings with their reviews looked up. */
export function withReviews(ws: Workspace, period: string, raw: readonly RawFinding[]): Finding[] {
  const rows = ws.db.prepare('SELECT * FROM finding_reviews WHERE period = ?').all(period) as ReviewRow[];
  const reviews = new Map(rows.map((r) => [keyOf({ period, area: r.area, table: r.table_name, rowKey: r.row_key, columnKey: r.column_key, rule: r.rule }), r]));
  return raw.map((f) => {
    const finding: Finding = { ...f, supersededBy: f.supersededBy ?? null, review: null };
    const r = reviews.get(keyOf(findingKey(finding)));
    if (r && r.fingerprint === fingerprint(finding)) finding.review = { status: r.status, note: r.note, by: r.reviewed_by, at: r.reviewed_at };
    return finding;
  });
}

export interface ReviewRequest {
  /** The findings, as the Checks page or `outturn check --json` shows them. */
  findings: readonly Pick<Finding, 'period' | 'area' | 'table' | 'row' | 'rowKey' | 'column' | 'columnKey' | 'rule' | 'reported' | 'computed'>[];
  status: Review['status'] | 'open';
  note: string;
}

/**
 * Records the officer's word on findings of one month, as one audited step. A note is needed to
 * acknowledge; accepting is for findings a correction superseded. `open` withdraws a review.
 */
export function reviewFindings(ws: Workspace, period: string, current: readonly Finding[], req: ReviewRequest, channel: Channel = 'grid'): void {
  const note = req.note.trim();
  if (req.status === 'acknowledged' && !note) throw new UserError('invalid_input', 'Say why the finding stands (a note) to acknowledge it: the note is kept with the audit trail.');
  if (note.length > 1000) throw new UserError('invalid_input', 'The note is longer than 1,000 characters.');
  if (!req.findings.length) throw new UserError('invalid_input', 'Choose at least one finding.');
  const live = new Map(current.map((f) => [keyOf(findingKey(f)), f]));
  const targets = req.findings.map((f) => {
    if (f.period !== period) throw new UserError('invalid_input', `That finding is for ${monthLabel(f.period)}, not ${monthLabel(period)}.`);
    const found = live.get(keyOf(findingKey(f)));
    if (!found || fingerprint(found) !== fingerprint(f)) throw new UserError('invalid_input', `${f.table}, ${f.row}, ${f.column}: that finding has changed since it was shown. Check again, then review it.`);
    if (req.status === 'accepted' && !found.supersededBy) throw new UserError('invalid_input', `${f.table}, ${f.row}, ${f.column}: only a finding your own correction superseded can be accepted; acknowledge a published error with a note instead.`);
    return found;
  });
  const verb = req.status === 'open' ? 'Reopen' : req.status === 'accepted' ? 'Accept' : 'Acknowledge';
  const label = `${verb} ${targets.length} finding${targets.length === 1 ? '' : 's'} (${monthLabel(period)})${note ? `: ${note}` : ''}`;
  ws.write({ channel, label, period }, () => {
    const drop = ws.db.prepare('DELETE FROM finding_reviews WHERE period = ? AND area = ? AND table_name = ? AND row_key = ? AND column_key = ? AND rule = ?');
    const put = ws.db.prepare(
      `INSERT INTO finding_reviews (period, area, table_name, row_key, column_key, rule, fingerprint, status, note, reviewed_by, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of targets) {
      const k = findingKey(f);
      drop.run(period, k.area, k.table, k.rowKey, k.columnKey, k.rule);
      if (req.status !== 'open') put.run(period, k.area, k.table, k.rowKey, k.columnKey, k.rule, fingerprint(f), req.status, note, ws.identity.osUser, new Date().toISOString());
    }
  });
}
