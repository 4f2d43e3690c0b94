import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { monthsOfRange } from '../../../../shared/periods';
import { isBlankRow } from '../../../import/read/context';
import { csvTextRows } from '../../../import/read/csv';
import { rowTexts } from '../../../import/read/records';
import { dropStaged, indexStaged, stagedTables, stagingSink } from '../../../import/stage';
import { insertPeriods } from '../../../store/periods';
import { resourcesDir } from '../../../store/resources';
import type { Workspace } from '../../../store/workspace';
import { EXTRACT_READER, ExtractReading } from './reader';
import { stageMonths } from './stage';
import type { ExtractMonth } from '../../../../shared/areas/kad/extract/aggregate';
import type { ImportSink } from '../../../import/types';
import { recordExtractFigures } from './spec';

/**
 * The demo's history: a synthetic care-package extract ("illustrative, not council data", made by
 * scripts/care-extract.mjs) worked out for April 2022 to August 2023 as an import would, inside the demo
 * seed's step, and kept as the extract's figures. The published August 2023 tables stay the figures of
 * record (the first month of the series, so their published arrows stand); the charts draw the months
 * before from the extract, and Checks lists where August's figures of record differ from it.
 */
export const DEMO_EXTRACT_FILE = 'care-package-extract.csv';
const HISTORY = { from: '2022-04', to: '2023-08' };
const JOB = 'demo-extract';

/**
 * The extract's months as worked out, kept for the process: a test run or the app makes many demos, and
 * the file (and a new workspace's service types and mapping) are the same each time.
 */
let worked: { key: string; months: ExtractMonth[]; file: { name: string; sha256: string } } | null = null;

function workOut(ws: Workspace, packed: string): NonNullable<typeof worked> {
  const stat = fs.statSync(packed);
  const key = `${packed}|${stat.size}|${stat.mtimeMs}`;
  if (worked?.key === key) return worked;
  const bytes = zlib.gunzipSync(fs.readFileSync(packed));
  const file = { name: DEMO_EXTRACT_FILE, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  const problems: string[] = [];
  const sink = { problem: (p: { reason: string }) => void problems.push(p.reason) } as unknown as ImportSink;
  let reading: ExtractReading | null = null;
  for (const row of csvTextRows(bytes.toString('utf8'))) {
    if (!reading) {
      if (EXTRACT_READER.isHeader(rowTexts(row))) reading = new ExtractReading(ws, row, 'care-package-extract', { months: HISTORY }, sink);
    } else if (!isBlankRow(row)) reading.row(row);
  }
  const agg = reading?.aggregator;
  if (!agg || problems.length) throw new Error(`${packed} does not read cleanly: ${problems.slice(0, 3).join('; ') || 'no extract header row'}`);
  worked = { key, months: agg.compute(monthsOfRange(HISTORY)), file };
  return worked;
}

export function seedExtractHistory(ws: Workspace, dir = path.join(resourcesDir(), 'demo')): void {
  const packed = path.join(dir, `${DEMO_EXTRACT_FILE}.gz`);
  if (!fs.existsSync(packed)) return;
  const { months, file } = workOut(ws, packed);
  const sink = stagingSink(ws.db, JOB, () => undefined, 100);
  try {
    stageMonths(ws, months, { sheet: 'care-package-extract', sink }, []);
    sink.flush();
    indexStaged(ws.db);
    insertPeriods(ws, monthsOfRange(HISTORY));
    // The extract's figures carry its name and SHA-256 in the audit trail, as an import's do.
    ws.fromFile(file, () => recordExtractFigures(ws, JOB, stagedTables(ws.db, JOB), file, false));
  } finally {
    dropStaged(ws.db, JOB);
  }
}
