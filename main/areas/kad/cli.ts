import { z } from 'zod';
import { parseArgs, PeriodFlag, splitArgs, WorkspaceArg } from '../../cli/args';
import type { CliCommand } from '../types';
import { runChartCommand } from './cli-chart';

const ChartArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'chart takes one workspace file' }),
  flags: z
    .object({
      service: z.string({ error: 'name the service with --service, for example --service learning-disability-partnership' }).min(1),
      from: PeriodFlag,
      to: PeriodFlag,
      group: z.string({ error: '--group is accommodation or community' }),
      out: z.string({ error: 'name the file to write with --out, for example --out chart.png' }).min(1),
      width: z.coerce.number({ error: '--width takes a number of pixels' }).optional(),
      height: z.coerce.number({ error: '--height takes a number of pixels' }).optional(),
    })
    .strict(),
});

/** `outturn chart`: a Key Activity Data trend chart as PNG or SVG. */
export const KAD_CLI: readonly CliCommand[] = [
  {
    name: 'chart',
    help: `  chart <workspace.db> --service ID --from YYYY-MM --to YYYY-MM --group accommodation|community
        --out FILE.png [--width N] [--height N]
                                           Draw a Key Activity Data trend chart (people as bars, average
                                           weekly cost as a line) as a PNG for the committee pack (.svg
                                           for SVG). Reads the workspace only.`,
    async run(argv, io) {
      const { positionals, flags } = parseArgs(ChartArgs, splitArgs(argv, []));
      const written = await runChartCommand({ file: positionals[0], serviceId: flags.service, from: flags.from, to: flags.to, group: flags.group, out: flags.out, width: flags.width, height: flags.height });
      io.out(`Wrote ${written}\n`);
      return 0;
    },
  },
];
