import type { Method } from './contract';

/**
 * The contract's method names as a value, for the preload (which must stay tiny and cannot load zod
 * in a sandbox). The type below fails the typecheck when a contract method is missing here.
 */
export const METHOD_NAMES = [
  'app.info',
  'periods.list',
  'kad.services',
  'kad.table',
  'kad.setCell',
  'kad.setCells',
  'kad.rollForward',
  'kad.checks',
  'kad.trend',
  'kad.config',
  'kad.addService',
  'kad.setTypeInUse',
  'kad.settings',
  'kad.updateSettings',
  'upload.begin',
  'upload.chunk',
  'import.start',
  'import.status',
  'import.lines',
  'import.apply',
  'import.cancel',
  'template.download',
  'backups.list',
  'backups.restore',
  'pack.settings',
  'pack.updateSettings',
  'pack.export',
  'history.state',
  'history.undo',
  'history.redo',
  'audit.list',
  'demo.reset',
] as const satisfies readonly Method[];

type Missing = Exclude<Method, (typeof METHOD_NAMES)[number]>;
export const everyMethodListed: [Missing] extends [never] ? true : { missing: Missing } = true;

export const IPC_CHANNEL_PREFIX = 'outturn:';
