import path from 'node:path';
import { capitalShared } from '../../../shared/areas/capital/area';
import { defineArea } from '../types';
import { capitalChecks } from './checks';
import { CAPITAL_IMPORTS } from './import/staged';
import { capitalTemplate } from './import/template';
import { capitalPack } from './pack';
import { seedCapitalDemo } from './demo';
import { copyCapital, hasCapital } from './repository';
import { addCapitalLine, capitalSettings, capitalTable, freezeCapital, removeCapitalLine, setCapitalCells, updateCapitalSettings } from './service';
import { CAPITAL_TABLES } from './tables';

/** The capital programme (section 2, Appendix 3), declared in one place. */
export const capitalArea = defineArea({
  shared: capitalShared,
  tables: CAPITAL_TABLES,
  migrationsDir: path.join(__dirname, 'migrations'),
  handlers: (host) => ({
    'capital.table': ({ period }) => capitalTable(host.ws, period),
    'capital.setCells': (input, ctx) => setCapitalCells(host.ws, input, ctx.channel),
    'capital.addLine': (input, ctx) => addCapitalLine(host.ws, input, ctx.channel),
    'capital.removeLine': (input, ctx) => removeCapitalLine(host.ws, input, ctx.channel),
    'capital.updateSettings': (input, ctx) => (Object.keys(input).length ? updateCapitalSettings(host.ws, input, ctx.channel) : capitalSettings(host.ws)),
  }),
  hasData: hasCapital,
  rollForward: copyCapital,
  freeze: (ws) => freezeCapital(ws),
  checks: capitalChecks,
  imports: CAPITAL_IMPORTS,
  template: capitalTemplate,
  pack: [capitalPack],
  demo: seedCapitalDemo,
});
