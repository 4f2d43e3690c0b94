import { kadTarget } from '../../../../shared/areas/kad/ids';
import { KAD_AREA_ID } from '../../../../shared/areas/kad/ids';
import type { ImportSpec, StagedTable } from '../../../import/spec';
import { stagedHas, stagedValue } from '../../../import/stage';
import { deleteRows, insertRows, updateRows } from '../../../store/set-write';
import type { Workspace } from '../../../store/workspace';
import { apply as applyKadLines, KAD_EXTRACT_SPEC_ID, lines, stats, workspaceProblems } from '../import/staged';
import { EXTRACT_READER } from './reader';

const STAGED = `temp.import_lines l JOIN temp.import_tables t ON t.job = l.job AND t.table_id = l.table_id`;
const FIGURES = `l.line_key, ${stagedValue('currentPackages')} AS current_packages, ${stagedValue('currentUnitCost')} AS current_unit_cost, ${stagedValue('committedK')} AS committed_k, ? AS file_name, ? AS file_sha256, ? AS applied`;
const COLUMNS = ['current_packages', 'current_unit_cost', 'committed_k', 'file_name', 'file_sha256', 'applied'];

/**
 * Keeps what the extract gave for each staged month and service (replacing what an earlier extract
 * gave): the grid marks figures that still match it, Checks lists where the figures of record differ,
 * and Committed full-year spend is read from it. Set-based, each statement auditing itself.
 */
export function recordExtractFigures(ws: Workspace, job: string, tables: readonly StagedTable[], file: { name: string; sha256: string }, applied = true): void {
  if (!tables.length) return;
  const ofJob = `t.job = ? AND t.spec = '${KAD_EXTRACT_SPEC_ID}' AND ${stagedHas('committedK')}`;
  deleteRows(ws, 'kad_extract_figures', {
    sql: `SELECT e.period, e.service_id, e.line_key FROM kad_extract_figures e JOIN temp.import_tables t ON t.job = ? AND t.spec = '${KAD_EXTRACT_SPEC_ID}' AND t.period = e.period AND t.subject_id = e.service_id
          WHERE NOT EXISTS (SELECT 1 FROM temp.import_lines l WHERE l.job = t.job AND l.table_id = t.table_id AND l.line_key = e.line_key)`,
    params: [job],
  });
  updateRows(ws, 'kad_extract_figures', COLUMNS, {
    sql: `SELECT t.period, t.subject_id AS service_id, ${FIGURES} FROM ${STAGED}
          WHERE ${ofJob} AND EXISTS (SELECT 1 FROM kad_extract_figures e WHERE e.period = t.period AND e.service_id = t.subject_id AND e.line_key = l.line_key)`,
    params: [file.name, file.sha256, applied ? 1 : 0, job],
  });
  insertRows(ws, 'kad_extract_figures', COLUMNS, {
    sql: `SELECT t.period, t.subject_id AS service_id, ${FIGURES} FROM ${STAGED}
          WHERE ${ofJob} AND NOT EXISTS (SELECT 1 FROM kad_extract_figures e WHERE e.period = t.period AND e.service_id = t.subject_id AND e.line_key = l.line_key)`,
    params: [file.name, file.sha256, applied ? 1 : 0, job],
  });
}

/**
 * A care-package extract: Key Activity Data's actual columns worked out from client-level rows for any
 * range of months, staged as aggregates and applied like an imported KAD table (budget columns left
 * as they are), with the extract's own figures kept beside them.
 */
export const KAD_EXTRACT_IMPORT: ImportSpec = {
  id: KAD_EXTRACT_SPEC_ID,
  area: KAD_AREA_ID,
  subjectNoun: 'service',
  target: kadTarget,
  records: EXTRACT_READER,
  options: ['months'],
  stats,
  lines,
  workspaceProblems: (db, job) => workspaceProblems(db, job),
  apply: (ws, job, tables, _source, file) => {
    applyKadLines(ws, job, tables);
    recordExtractFigures(ws, job, tables, file);
  },
};
