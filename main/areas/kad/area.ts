import path from 'node:path';
import { kadShared } from '../../../shared/areas/kad/area';
import { defineArea } from '../types';
import { kadChecks } from './checks';
import { KAD_CLI } from './cli';
import { addService, kadConfig, setTypeInUse } from './config';
import { seedKadDemo } from './demo';
import { KAD_IMPORT } from './import/staged';
import { KAD_EXTRACT_IMPORT } from './extract/spec';
import { kadTemplate } from './import/template';
import { kadSection } from './pack/section';
import { hasKad, listServices } from './repository';
import { rollKadForward } from './rollforward';
import { kadTable, setKadCell, setKadCells } from './service';
import { kadNotReady } from './readiness';
import { freezeKad, kadSettings, updateKadSettings } from './settings';
import { extractMappingView, setExtractMapping } from './extract/settings';
import { KAD_TABLES } from './tables';
import { kadTrend } from './trend';

/** Key Activity Data (FMR section 5): everything it adds, declared in one place. */
export const kadArea = defineArea({
  shared: kadShared,
  tables: KAD_TABLES,
  migrationsDir: path.join(__dirname, 'migrations'),
  handlers: (host) => ({
    'kad.services': () => listServices(host.ws),
    'kad.table': ({ period, serviceId, compareTo }) => kadTable(host.ws, period, serviceId, compareTo),
    'kad.setCell': (input, ctx) => setKadCell(host.ws, input, ctx.channel),
    'kad.setCells': ({ source, ...input }, ctx) => setKadCells(host.ws, input, source === 'paste' && ctx.channel === 'grid' ? 'paste' : ctx.channel),
    'kad.trend': ({ serviceId, from, to }) => kadTrend(host.ws, serviceId, from, to),
    'kad.config': ({ period }) => kadConfig(host.ws, period),
    'kad.addService': (input, ctx) => addService(host.ws, input, ctx.channel),
    'kad.setTypeInUse': (input, ctx) => setTypeInUse(host.ws, input, ctx.channel),
    'kad.settings': () => kadSettings(host.ws),
    'kad.updateSettings': (input, ctx) => updateKadSettings(host.ws, input, ctx.channel),
    'kad.extractMapping': ({ period }) => extractMappingView(host.ws, period),
    'kad.setExtractMapping': ({ mapping }, ctx) => setExtractMapping(host.ws, mapping, ctx.channel),
  }),
  hasData: hasKad,
  rollForward: rollKadForward,
  freeze: (ws) => freezeKad(ws),
  checks: kadChecks,
  notReady: kadNotReady,
  imports: [KAD_IMPORT, KAD_EXTRACT_IMPORT],
  pack: [kadSection],
  template: kadTemplate,
  demo: (ws) => seedKadDemo(ws),
  cli: KAD_CLI,
});
