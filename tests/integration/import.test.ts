import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { kadTable } from '../../main/areas/kad/service';
import { kadChecks } from '../../main/areas/kad/checks';
import { templateFile } from '../../main/import/template';
import { listAudit } from '../../main/store/audit';
import { listBackups } from '../../main/store/backup';
import { closePeriod } from '../../main/core/close';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables } from '../import-fixtures/published';
import { scratch } from '../import-fixtures/sink';
import { tempDemo, auditCount } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

// Closing a month builds and archives its committee pack (a second or two; more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

const LDP = 'learning-disability-partnership';
const plain = { asText: true, repeatHeaders: true, stacked: true } as const;
/** The published August tables retitled as September. */
const septemberTables = () => JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;
/** LDP Residential current packages 234 → 240. */
const september = (table: number, row: unknown, col: number, raw: string) => {
  const r = row as { label?: string } | 'header';
  return r !== 'header' && r.label === '~Residential' && table === 0 && col === 4 ? '240' : raw;
};

let env: ReturnType<typeof tempDemo> | undefined;
let files: ReturnType<typeof scratch> | undefined;
afterEach(() => {
  env?.done();
  files?.remove();
  env = undefined;
  files = undefined;
});

async function runImport(session: AppSession, file: string, opts: { period?: string } = {}) {
  const id = await session.imports.start(file, opts);
  return { id, status: await session.imports.settled(id) };
}

describe('importing KAD workbooks', () => {
  it('finds nothing to do when the published August tables are imported into the demo built from them', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    const before = auditCount(session.ws);
    const file = files.file('august.xlsx', await buildCommitteeWorkbook(publishedTables(), plain));
    const { id, status } = await runImport(session, file);
    expect(status.state).toBe('nothing-to-do');
    expect(status.tables).toHaveLength(6);
    expect(status.tables.every((t) => t.changedLines === 0 && t.newLines === 0)).toBe(true);
    expect(status.message).toBe('Nothing to import: every figure in august.xlsx already matches this workspace.');
    await expect(session.imports.apply(id)).rejects.toThrow(/Nothing to import/);
    expect(auditCount(session.ws)).toBe(before);
  });

  it('imports a September committee workbook: creates the month by rolling forward, previews old → new, applies atomically with a backup and an audited file hash, and changes nothing the second time', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    const file = files.file('Sept FMR appendix.xlsx', await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: september }));
    const { id, status } = await runImport(session, file);
    expect(status.state).toBe('ready');
    const ldp = status.tables.find((t) => t.subjectId === LDP)!;
    expect(ldp).toMatchObject({ period: '2023-09', newMonth: true, newSubject: false });
    const lines = session.imports.lines(id, ldp.tableId, 'all', 0, 50);
    // A new month is previewed against the month as rolling forward will make it: August's 234, carried.
    expect(lines.find((l) => l.lineKey === 'residential')!.cells.find((c) => c.field === 'currentPackages')).toMatchObject({ old: '234', new: '240' });
    const applied = await session.imports.apply(id);
    expect(applied.state).toBe('applied');
    expect(applied.backup && fs.existsSync(applied.backup.file)).toBe(true);
    expect(listBackups(session.file)).toHaveLength(1);
    const sept = kadTable(session.ws, '2023-09', LDP);
    expect(sept.lines.find((l) => l.key === 'residential')).toMatchObject({ currentPackages: 24000, carried: [] });
    expect(sept.reported.find((r) => r.rowKey === 'subtotal_accommodation' && r.column === 'currentPackages')?.value).toBe(26100);
    // The reported September subtotal (261) no longer adds up with 240 on Residential: a check finding, not an import error.
    expect(kadChecks(session.ws, '2023-09').some((f) => f.table === 'Learning Disability Partnership' && f.row === 'Accommodation based subtotal' && f.rule === 'reported-total-mismatch')).toBe(true);
    const audit = listAudit(session.ws, 1_000_000).filter((a) => a.channel === 'import');
    const sha = status.sha256;
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.fileName === 'Sept FMR appendix.xlsx' && a.fileSha256 === sha)).toBe(true);
    expect(audit.some((a) => a.entityKey === `2023-09|${LDP}|residential` && a.field === 'current_packages' && a.newValue === '24000')).toBe(true);

    const again = await runImport(session, file);
    expect(again.status.state).toBe('nothing-to-do');
  });

  it('refuses a file with any error, listing every error with its address, and changes nothing', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    const before = auditCount(session.ws);
    const bad = (table: number, row: unknown, col: number, raw: string) => {
      const r = row as { label?: string } | 'header';
      if (table === 0 && r !== 'header' && r.label === '~Residential' && col === 2) return '£2,27l';
      if (table === 0 && r !== 'header' && r.label === '~Nursing' && col === 4) return '-3';
      return september(table, row, col, raw);
    };
    const file = files.file('bad.xlsx', await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: bad }));
    const { status } = await runImport(session, file);
    expect(status.state).toBe('refused');
    expect(status.problems).toHaveLength(2);
    expect(status.problems[0]).toMatch(/^Key Activity Data!C\d+: "£2,27l" is not an amount of money$/);
    expect(status.problems[1]).toMatch(/^Key Activity Data!E\d+: "-3" is negative, and a count of care packages cannot be$/);
    expect(auditCount(session.ws)).toBe(before);
    expect(kadTable(session.ws, '2023-09', LDP).lines).toEqual([]);
    expect(listBackups(session.file)).toEqual([]);
  });

  it('refuses a closed month, naming it and who closed it', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    await closePeriod(session.ws, '2023-09');
    const file = files.file('sept.xlsx', await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: september }));
    const { status } = await runImport(session, file);
    expect(status.state).toBe('refused');
    expect(status.problems[0]).toMatch(/Key Activity Data!A\d+: is for September 2023, which is closed \(closed without sign-off by .+ on \d{4}-\d{2}-\d{2}\); reopen it before importing/);
  });

  it('round-trips the template: download filled → import into an empty workspace → identical figures', async () => {
    env = tempDemo();
    files = scratch();
    const demo = env.open();
    const { fileName, data } = await templateFile(demo.ws, '2023-08', true);
    const template = files.file(fileName, data);
    const emptyFile = path.join(env.dir, 'empty.db');
    initWorkspace(emptyFile, {});
    const empty = new AppSession(emptyFile);
    try {
      const { id, status } = await runImport(empty, template);
      expect(status.state, status.problems.join('\n')).toBe('ready');
      // Every table is new to the empty workspace; the savings directorates come with every workspace (its migration).
      expect(status.tables.every((t) => t.newMonth && (t.newSubject || t.area === 'savings'))).toBe(true);
      expect((await empty.imports.apply(id)).state).toBe('applied');
      for (const s of ['learning-disability-partnership', 'autism', 'adult-mental-health']) {
        const strip = (t: ReturnType<typeof kadTable>) => t.lines.map(({ carried: _c, ...l }) => l);
        expect(strip(kadTable(empty.ws, '2023-08', s)), s).toEqual(strip(kadTable(demo.ws, '2023-08', s)));
      }
      const again = await runImport(empty, template);
      expect(again.status.state).toBe('nothing-to-do');
    } finally {
      empty.close();
    }
  });

  it('restores a backup taken before an import, auditing the restore', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    const file = files.file('sept.xlsx', await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: september }));
    const { id } = await runImport(session, file);
    await session.imports.apply(id);
    expect(kadTable(session.ws, '2023-09', LDP).lines.length).toBeGreaterThan(0);
    const [backup] = listBackups(session.file);
    await session.restoreBackup(backup!.name);
    expect(kadTable(session.ws, '2023-09', LDP).lines).toEqual([]);
    const restore = session.ws.db.prepare(`SELECT entity, field, new_value FROM ${AUDIT_CELLS} a WHERE channel = 'restore' AND field = 'detail'`).get() as { new_value: string };
    expect(JSON.parse(restore.new_value)).toMatchObject({ backup: backup!.name, replacedWorkspaceBackup: expect.stringMatching(/before-restoring/) });
    // The session imports into the restored workspace as before.
    expect((await runImport(session, file)).status.state).toBe('ready');
  });

  it('cancels while reading and changes nothing', async () => {
    env = tempDemo();
    files = scratch();
    const session = env.open();
    const before = auditCount(session.ws);
    const file = files.file('sept.xlsx', await buildCommitteeWorkbook(septemberTables(), { ...plain, edit: september }));
    const id = await session.imports.start(file);
    session.imports.cancel(id);
    const status = await session.imports.settled(id);
    expect(status.state).toBe('cancelled');
    expect(() => session.imports.lines(id, 'x', 'all', 0, 10)).toThrow(/no preview/);
    expect(auditCount(session.ws)).toBe(before);
    expect(session.ws.db.prepare('SELECT COUNT(*) FROM temp.import_lines').pluck().get()).toBe(0);
  });
});
