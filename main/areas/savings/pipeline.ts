import crypto from 'node:crypto';
import { UserError } from '../../../shared/api/errors';
import { savingsTarget } from '../../../shared/areas/savings/ids';
import { savingIn, type Proposal, type ProposalInput } from '../../../shared/areas/savings/pipeline';
import { formatValue } from '../../../shared/units';
import type { Channel, Workspace } from '../../store/workspace';
import { insertLine, listDirectorates } from './repository';

/**
 * The savings pipeline (proposals for a coming Business Plan) and the agreeing of a plan, which makes
 * each proposal with a saving in that year a line of the year's tracker, linked to its proposal.
 */
interface ProposalRow {
  id: string;
  directorate_id: string;
  bp_ref: string;
  title: string;
  responsible_officer: string | null;
  full_year_effect: number | null;
  status: 'proposed' | 'agreed';
  line_id: string | null;
}

export function listProposals(ws: Workspace): Proposal[] {
  const years = ws.db.prepare('SELECT financial_year AS year, amount FROM savings_proposal_years WHERE proposal_id = ? ORDER BY financial_year');
  return (ws.db.prepare('SELECT * FROM savings_proposals ORDER BY bp_ref, title').all() as ProposalRow[]).map((r) => ({
    id: r.id,
    directorateId: r.directorate_id,
    bpRef: r.bp_ref,
    title: r.title,
    responsibleOfficer: r.responsible_officer,
    savings: years.all(r.id) as { year: string; amount: number }[],
    fullYearEffect: r.full_year_effect,
    status: r.status,
    lineId: r.line_id,
  }));
}

export function addProposal(ws: Workspace, p: ProposalInput, channel: Channel): Proposal[] {
  if (!listDirectorates(ws).some((d) => d.id === p.directorateId)) throw new UserError('not_found', `There is no directorate "${p.directorateId}".`);
  const id = crypto.randomUUID();
  ws.write({ channel, label: `Propose the saving ${p.bpRef} ${p.title} (${p.savings.map((s) => `${s.year} ${formatValue(s.amount, 'gbp_000')}`).join(', ')})`, undoable: true }, () => {
    ws.db
      .prepare('INSERT INTO savings_proposals (id, directorate_id, bp_ref, title, responsible_officer, full_year_effect) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, p.directorateId, p.bpRef, p.title, p.responsibleOfficer, p.fullYearEffect);
    const year = ws.db.prepare('INSERT INTO savings_proposal_years (proposal_id, financial_year, amount) VALUES (?, ?, ?)');
    for (const s of p.savings) year.run(id, s.year, s.amount);
  });
  return listProposals(ws);
}

/**
 * The plan for `financialYear` is agreed: every proposal still proposed that saves something that year
 * becomes a line of the year's tracker (its original saving the year's amount, no forecast yet, the
 * responsible officer its owner), in one undoable step. Agreeing again adds nothing.
 */
export function agreePlan(ws: Workspace, period: string, financialYear: string, channel: Channel): { added: number; proposals: Proposal[] } {
  const due = listProposals(ws).filter((p) => p.status === 'proposed' && savingIn(p, financialYear) !== 0);
  if (due.length) {
    ws.write({ channel, label: `Agree the ${financialYear.replace('-', '/')} Business Plan: ${due.length} proposed saving${due.length === 1 ? '' : 's'} added to its tracker`, period, target: savingsTarget(period), undoable: true }, () => {
      const agreed = ws.db.prepare(`UPDATE savings_proposals SET status = 'agreed', line_id = ? WHERE id = ?`);
      for (const p of due) {
        const lineId = insertLine(ws, { financialYear, directorateId: p.directorateId, bpRef: p.bpRef, title: p.title, owner: p.responsibleOfficer, originalSaving: savingIn(p, financialYear), forecastSaving: null, commentary: null });
        agreed.run(lineId, p.id);
      }
    });
  }
  return { added: due.length, proposals: listProposals(ws) };
}
