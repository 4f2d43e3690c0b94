import path from 'node:path';
import type { Method, Output, ParsedInput } from '../../shared/api/contract';
import { financialYearOf } from '../../shared/periods';
import type { AppSession } from '../app/session';
import { kadTable, setKadCell, setKadCells } from '../kad/service';
import { kadChecks } from '../kad/checks';
import { addService, kadConfig, setTypeInUse } from '../kad/config';
import { rollForward } from '../kad/rollforward';
import { kadSettings, updateKadSettings } from '../kad/settings';
import { kadTrend } from '../kad/trend';
import { listServices } from '../kad/repository';
import { listAudit } from '../store/audit';
import { historyState, redo, undo } from '../store/history';
import { listPeriods } from '../store/periods';
import type { Channel } from '../store/workspace';
import { APP_VERSION } from '../app/version';
import { kadTemplateFile } from '../import/template';
import { listBackups } from '../store/backup';
import { packSettings, updatePackSettings } from '../pack/settings';
import { packFile } from '../pack/download';

/** Who is calling: the transport sets the channel (grid for the app, cli for the command line). */
export interface CallContext {
  channel: Channel;
}

export type Handlers = { [K in Method]: (input: ParsedInput<K>, ctx: CallContext) => Output<K> | Promise<Output<K>> };

/** The one implementation of the contract; both transports and the CLI call through it. */
export function createHandlers(session: AppSession): Handlers {
  const info = (): Output<'app.info'> => {
    const ws = session.ws;
    return {
      appVersion: APP_VERSION,
      workspacePath: ws.file,
      workspaceName: path.basename(ws.file),
      isDemo: session.isDemo,
      readOnly: ws.readOnly,
      readOnlyReason: ws.readOnlyReason,
      networkShareWarning: ws.networkWarning,
      user: ws.identity.osUser,
      machine: ws.identity.machine,
    };
  };
  const step = (op: { label: string; period: string | null; service_id: string | null }, verb: string): Output<'history.undo'> => ({
    label: `${verb}: ${op.label}`,
    period: op.period,
    serviceId: op.service_id,
    history: historyState(session.ws),
  });
  return {
    'app.info': () => info(),
    'periods.list': () => {
      const months = listPeriods(session.ws);
      const latest = [...months].reverse().find((m) => m.hasKad) ?? months[months.length - 1];
      return { financialYear: latest ? financialYearOf(latest.id) : '', months };
    },
    'kad.services': () => listServices(session.ws),
    'kad.table': ({ period, serviceId, compareTo }) => kadTable(session.ws, period, serviceId, compareTo),
    'kad.setCell': (input, ctx) => setKadCell(session.ws, input, ctx.channel),
    'kad.setCells': ({ source, ...input }, ctx) => setKadCells(session.ws, input, source === 'paste' && ctx.channel === 'grid' ? 'paste' : ctx.channel),
    'kad.rollForward': ({ fromPeriod }, ctx) => rollForward(session.ws, fromPeriod, ctx.channel),
    'kad.checks': ({ period }) => kadChecks(session.ws, period),
    'kad.trend': ({ serviceId, from, to }) => kadTrend(session.ws, serviceId, from, to),
    'kad.config': ({ period }) => kadConfig(session.ws, period),
    'kad.addService': (input, ctx) => addService(session.ws, input, ctx.channel),
    'kad.setTypeInUse': (input, ctx) => setTypeInUse(session.ws, input, ctx.channel),
    'kad.settings': () => kadSettings(session.ws),
    'kad.updateSettings': (input, ctx) => updateKadSettings(session.ws, input, ctx.channel),
    'upload.begin': ({ fileName, bytes }) => ({ uploadId: session.uploads.begin(fileName, bytes) }),
    'upload.chunk': ({ uploadId, offset, data }) => ({ received: session.uploads.chunk(uploadId, offset, data) }),
    'import.start': async ({ uploadId, period }) => {
      const { file, fileName } = session.uploads.complete(uploadId);
      return { jobId: await session.imports.start(file, { fileName, ...(period ? { period } : {}) }) };
    },
    'import.status': ({ jobId }) => session.imports.status(jobId),
    'import.lines': ({ jobId, tableId, status, offset, limit }) => session.imports.lines(jobId, tableId, status, offset, limit),
    'import.apply': async ({ jobId }, ctx) => session.imports.apply(jobId, ctx.channel === 'cli' ? 'cli' : 'import'),
    'import.cancel': ({ jobId }) => session.imports.cancel(jobId),
    'template.download': async ({ period, filled }) => {
      const { fileName, data } = await kadTemplateFile(session.ws, period, filled);
      return { fileName, data: data.toString('base64') };
    },
    'backups.list': () => listBackups(session.file),
    'backups.restore': async ({ name }) => {
      await session.restoreBackup(name);
      return info();
    },
    'pack.settings': () => packSettings(session.ws),
    'pack.updateSettings': (input, ctx) => updatePackSettings(session.ws, input, ctx.channel),
    'pack.export': async ({ period, sections }) => {
      const pack = await packFile(session.ws, period, sections);
      return { fileName: pack.fileName, data: pack.data.toString('base64'), sheets: pack.sheets, figures: pack.figures };
    },
    'history.state': () => historyState(session.ws),
    'history.undo': () => step(undo(session.ws), 'Undone'),
    'history.redo': () => step(redo(session.ws), 'Redone'),
    'audit.list': ({ limit }) => listAudit(session.ws, limit),
    'demo.reset': () => {
      session.resetDemo();
      return info();
    },
  };
}
