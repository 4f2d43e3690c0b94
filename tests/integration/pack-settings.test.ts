import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/pack/build';
import { packSettings, updatePackSettings } from '../../main/pack/settings';
import { UserError } from '../../shared/api/errors';
import { tempDemo } from '../helpers/workspace';
import { AUDIT_CELLS } from '../../main/store/audit-cells';

let demo: ReturnType<typeof tempDemo> | null = null;
afterEach(() => {
  demo?.done();
  demo = null;
});

function open(kind: 'demo' | 'empty' = 'demo') {
  demo = tempDemo({ demo: kind === 'demo' });
  return demo.open().ws;
}

function contentsText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.getWorksheet('Contents')!.eachRow((row) => row.eachCell((c) => void out.push(c.text)));
  return out.join('\n');
}

describe('committee pack settings', () => {
  it('default to the demo’s published FMR: council, committee, a title from the period and the meeting date', () => {
    const ws = open();
    expect(packSettings(ws, '2023-08')).toEqual({ councilName: 'Cambridgeshire County Council', committee: 'Adults and Health Committee', reportTitle: '', meetingDate: '2023-10-05', author: '' });
    // The meeting date is August's: another month has none until one is set or carried.
    expect(packSettings(ws, '2023-10').meetingDate).toBe('');
  });

  it('give a workspace of one’s own no meeting date until one is set', () => {
    expect(packSettings(open('empty')).meetingDate).toBe('');
  });

  it('save a change as one audited step, and keep a cleared value cleared', () => {
    const ws = open();
    const saved = updatePackSettings(ws, { committee: 'Adults & Health Committee', meetingDate: '', author: 'J. Smith' }, 'grid', '2023-08');
    expect(saved.settings).toMatchObject({ committee: 'Adults & Health Committee', meetingDate: '', author: 'J. Smith' });
    expect(packSettings(ws, '2023-08').meetingDate).toBe('');
    const op = ws.db.prepare(`SELECT id, channel, label FROM operations ORDER BY id DESC LIMIT 1`).get() as { id: number; channel: string; label: string };
    expect(op.channel).toBe('grid');
    expect(op.label).toContain('committee pack settings');
    const audited = ws.db.prepare(`SELECT entity, entity_key, field, old_value, new_value FROM ${AUDIT_CELLS} a WHERE op_id = ? AND field IN ('value') ORDER BY entity, entity_key`).all(op.id);
    expect(audited).toEqual([
      { entity: 'pack_period_setting', entity_key: expect.stringContaining('author'), field: 'value', old_value: null, new_value: 'J. Smith' },
      { entity: 'pack_period_setting', entity_key: expect.stringContaining('meetingDate'), field: 'value', old_value: '2023-10-05', new_value: '' },
      { entity: 'setting', entity_key: 'pack.committee', field: 'value', old_value: null, new_value: 'Adults & Health Committee' },
    ]);
  });

  it('write nothing when nothing changes', () => {
    const ws = open();
    const before = ws.db.prepare('SELECT COUNT(*) FROM operations').pluck().get();
    updatePackSettings(ws, { councilName: 'Cambridgeshire County Council' });
    expect(ws.db.prepare('SELECT COUNT(*) FROM operations').pluck().get()).toBe(before);
  });

  it('refuse what would break the pack, saying which field and why, and save none of it', () => {
    const ws = open();
    const attempt = (changes: unknown) => {
      try {
        updatePackSettings(ws, changes);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as Error).message;
      }
      return 'saved';
    };
    expect(attempt({ councilName: '' })).toMatch(/Council name is needed/);
    expect(attempt({ meetingDate: '31/10/2023', committee: 'New' })).toMatch(/Meeting date is a date written YYYY-MM-DD/);
    expect(attempt({ meetingDate: '2023-10-12' })).toMatch(/belong to a month: choose the month first/);
    expect(attempt({ reportTitle: 'x'.repeat(201) })).toMatch(/Report title is longer than 200 characters/);
    expect(attempt({ colour: 'red' })).toMatch(/cannot be saved/);
    expect(packSettings(ws).committee).toBe('Adults and Health Committee');
  });

  it('show on the cover and in the file properties, the author only on the cover', async () => {
    const ws = open();
    updatePackSettings(ws, { councilName: 'Example Borough Council', committee: 'People & Communities Committee', reportTitle: 'Budget Monitoring – Period 5', meetingDate: '2023-09-28', author: 'A. Officer' }, 'grid', '2023-08');
    const wb = await buildPack(ws, { period: '2023-08' });
    const cover = contentsText(wb);
    for (const text of ['Example Borough Council', 'People & Communities Committee', 'Budget Monitoring – Period 5', 'Meeting date: 28 September 2023', 'Author: A. Officer']) expect(cover).toContain(text);
    expect(wb.creator).toBe('Example Borough Council');
    expect(wb.title).toBe('Budget Monitoring – Period 5');
    expect(JSON.stringify([wb.creator, wb.lastModifiedBy, wb.company, wb.subject, wb.title])).not.toContain('A. Officer');
    const footer = wb.worksheets[1]!.headerFooter.oddFooter!;
    expect(footer).toContain('People && Communities Committee');
    expect(footer).toContain('Budget Monitoring – Period 5 – August 2023');
  });
});
