import { UserError } from '../../shared/api/errors';
import path from 'node:path';
import type { Method, Output, ParsedInput } from '../../shared/api/contract';
import type { coreContract } from '../../shared/api/contract';
import { financialYearOf } from '../../shared/periods';
import type { AppSession } from '../app/session';
import type { ImportService } from '../import/jobs';
import { areas } from '../areas';
import { findingsFor, monthFindings } from '../core/checks';
import { reviewFindings } from '../core/reviews';
import { exportReadiness } from '../core/readiness';
import { rollForwardMonth } from '../core/months';
import { closePeriod, reopenPeriod } from '../core/close';
import { quarterPublishing, setQuarterPublishing } from '../core/quarters';
import { rollOverYear, yearEndPreview } from '../core/year-end';
import { archivedPack } from '../core/archive';
import { cellHistory } from '../core/audit';
import { auditReportFile } from '../core/audit-report';
import { monthEndState } from '../core/monthend';
import { updateMonthEndSettings } from '../core/monthend-settings';
import { markReady, signOff } from '../core/signoff';
import { returnInfos, returnsAreas } from '../returns/status';
import { issueReturns, returnWorkbook } from '../returns/issue';
import { getReturn } from '../returns/records';
import { ReturnBatches } from '../returns/batches';
import { listAudit } from '../store/audit';
import { historyState, redo, undo, type OpRow } from '../store/history';
import { listPeriods } from '../store/periods';
import type { Channel } from '../store/workspace';
import { APP_VERSION } from '../app/version';
import { templateFile } from '../import/template';
import { listBackups } from '../store/backup';
import { periodPackSettings, updatePackSettings } from '../pack/settings';
import { packFile } from '../pack/download';

/** Month-end steps from the app are filed under the close/reopen channel; from the command line under cli. */
const monthEndChannel = (ctx: CallContext): Channel => (ctx.channel === 'cli' ? 'cli' : 'close/reopen');

/** Who is calling: the transport sets the channel (grid for the app, cli for the command line). */
export interface CallContext {
  channel: Channel;
}

export type Handler<K extends Method> = (input: ParsedInput<K>, ctx: CallContext) => Output<K> | Promise<Output<K>>;
export type Handlers = { [K in Method]: Handler<K> };
type CoreHandlers = { [K in keyof typeof coreContract]: Handler<K> };

/**
 * The one implementation of the contract; both transports and the CLI call through it. The core's
 * methods are here; every area's come from its module in the registry.
 */
export function createHandlers(session: AppSession<ImportService>): Handlers {
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
  const step = (op: OpRow, verb: string): Output<'history.undo'> => ({
    label: `${verb}: ${op.label}`,
    target: op.target,
    history: historyState(session.ws),
  });
  const batches = new ReturnBatches();
  const received = (uploadId: string) => session.uploads.complete(uploadId);
  const core: CoreHandlers = {
    'app.info': () => info(),
    'periods.list': () => {
      const months = listPeriods(session.ws);
      const latest = [...months].reverse().find((m) => m.areas.length > 0) ?? months[months.length - 1];
      return { financialYear: latest ? financialYearOf(latest.id) : '', months };
    },
    'periods.rollForward': ({ fromPeriod }, ctx) => rollForwardMonth(session.ws, fromPeriod, ctx.channel),
    'periods.close': ({ period }, ctx) => closePeriod(session.ws, period, monthEndChannel(ctx)),
    'periods.reopen': ({ period, reason }, ctx) => reopenPeriod(session.ws, period, reason, monthEndChannel(ctx)),
    'periods.markReady': ({ period }, ctx) => markReady(session.ws, period, monthEndChannel(ctx)),
    'periods.signOff': ({ period }, ctx) => signOff(session.ws, period, monthEndChannel(ctx)),
    'periods.monthEnd': ({ period }) => monthEndState(session.ws, period),
    'returns.list': ({ period }) => ({ returns: returnInfos(session.ws, period), areas: returnsAreas(session.ws, period) }),
    'returns.issue': ({ area, period, dueDate }, ctx) => {
      const { label, unowned } = issueReturns(session.ws, { area, period, ...(dueDate ? { dueDate } : {}) }, ctx.channel);
      return { label, unowned };
    },
    'returns.workbook': async ({ id }) => {
      const r = getReturn(session.ws, id);
      if (!r) throw new UserError('not_found', 'There is no such return.');
      return { fileName: r.file_name, data: (await returnWorkbook(session.ws, r)).toString('base64') };
    },
    'returns.detect': async ({ uploadId }) => ({ isReturn: await batches.isReturn(received(uploadId).file) }),
    'returns.preview': ({ uploadIds }) => batches.preview(session.ws, uploadIds.map(received)),
    'returns.apply': ({ batchId, resolutions, leaveOutRefused }, ctx) => {
      if (session.ws.readOnly) throw new UserError('read_only', session.ws.readOnlyReason ?? 'This workspace is read-only.');
      return batches.apply(session.ws, batchId, resolutions, ctx.channel === 'cli' ? 'cli' : 'return', leaveOutRefused);
    },
    'periods.updateMonthEndSettings': (changes, ctx) => updateMonthEndSettings(session.ws, changes, ctx.channel),
    'periods.archivedPack': ({ period, id }) => {
      const { info, data } = archivedPack(session.ws, period, id);
      return { ...info, data: data.toString('base64') };
    },
    'periods.quarterPublishing': () => quarterPublishing(session.ws),
    'periods.setQuarterPublishing': (changes, ctx) => setQuarterPublishing(session.ws, changes, ctx.channel),
    'checks.list': ({ period }) => findingsFor(session.ws, period),
    'checks.review': ({ period, findings, status, note }, ctx) => {
      reviewFindings(session.ws, period, monthFindings(session.ws, period), { findings, status, note }, ctx.channel);
      return monthFindings(session.ws, period);
    },
    'upload.begin': ({ fileName, bytes }) => ({ uploadId: session.uploads.begin(fileName, bytes) }),
    'upload.chunk': ({ uploadId, offset, data }) => ({ received: session.uploads.chunk(uploadId, offset, data) }),
    'import.start': async ({ uploadId, period, months }) => {
      const { file, fileName } = session.uploads.complete(uploadId);
      return { jobId: await session.imports.start(file, { fileName, ...(period ? { period } : {}), ...(months ? { months } : {}) }) };
    },
    'import.status': ({ jobId }) => session.imports.status(jobId),
    'import.lines': ({ jobId, tableId, status, offset, limit }) => session.imports.lines(jobId, tableId, status, offset, limit),
    'import.apply': async ({ jobId }, ctx) => session.imports.apply(jobId, ctx.channel === 'cli' ? 'cli' : 'import'),
    'import.cancel': ({ jobId }) => session.imports.cancel(jobId),
    'template.download': async ({ period, filled }) => {
      const { fileName, data } = await templateFile(session.ws, period, filled);
      return { fileName, data: data.toString('base64') };
    },
    'backups.list': () => listBackups(session.file),
    'backups.restore': async ({ name, reason }) => {
      await session.restoreBackup(name, reason);
      return info();
    },
    'pack.settings': ({ period }) => periodPackSettings(session.ws, period),
    'pack.updateSettings': ({ period, ...changes }, ctx) => updatePackSettings(session.ws, changes, ctx.channel, period),
    'pack.readiness': ({ period }) => exportReadiness(session.ws, period),
    'pack.export': async ({ period, sections }) => {
      const pack = await packFile(session.ws, period, sections);
      return { fileName: pack.fileName, data: pack.data.toString('base64'), sheets: pack.sheets, figures: pack.figures };
    },
    'history.state': () => historyState(session.ws),
    'history.undo': () => step(undo(session.ws), 'Undone'),
    'history.redo': () => step(redo(session.ws), 'Redone'),
    'audit.list': ({ limit }) => listAudit(session.ws, limit),
    'audit.cell': (cell) => cellHistory(session.ws, cell),
    'audit.report': async ({ period }) => {
      const report = await auditReportFile(session.ws, period);
      return { fileName: report.fileName, data: report.data.toString('base64'), rows: report.rows };
    },
    'demo.reset': async () => {
      await session.resetDemo();
      return info();
    },
    'year.preview': ({ fromYear }) => yearEndPreview(session.ws, fromYear),
    'year.rollOver': ({ fromYear, accept, acceptAll }, ctx) => rollOverYear(session.ws, fromYear, ctx.channel === 'cli' ? 'cli' : 'grid', { ...(accept ? { accept } : {}), ...(acceptAll ? { acceptAll } : {}) }),
  };
  // Each area's handlers are complete for its own methods (AreaHandlers), so together they cover the contract.
  return Object.assign({}, core, ...areas().map((a) => a.handlers(session))) as Handlers;
}
