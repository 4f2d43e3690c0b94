import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/api/errors';
import { kadTrendFileName } from '../../../shared/areas/kad/chart';
import type { KadTrendGroup } from '../../../shared/areas/kad/trend';
import { monthLabel } from '../../../shared/periods';
import { AppSession } from '../../app/session';
import { CHART_SIZE_LIMITS, DEFAULT_CHART_SIZE, renderKadTrendPng, renderKadTrendSvg } from './chart-png';
import { listServices } from './repository';
import { kadTrend } from './trend';

/**
 * `outturn chart <workspace.db> --service ID --from YYYY-MM --to YYYY-MM --group accommodation|community
 * --out FILE.png [--width N] [--height N]`: one of the Key Activity Data trend charts as a PNG for the
 * committee pack (or as SVG when FILE ends in .svg). Reads the workspace only; never changes it.
 */
export interface ChartCommandArgs {
  file: string;
  serviceId: string;
  from: string;
  to: string;
  group: string;
  out: string;
  width?: number;
  height?: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const GROUPS: readonly KadTrendGroup[] = ['accommodation', 'community'];

function checkMonth(value: string, flag: string): void {
  if (!MONTH.test(value)) throw new UserError('invalid_input', `--${flag} takes a month written YYYY-MM, for example 2023-08 (got "${value}").`);
}

function checkSize(value: number | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < CHART_SIZE_LIMITS.min || value > CHART_SIZE_LIMITS.max) {
    throw new UserError('invalid_input', `--${flag} takes a whole number of pixels from ${CHART_SIZE_LIMITS.min} to ${CHART_SIZE_LIMITS.max} (got ${String(value)}).`);
  }
  return value;
}

/** Where to write: the file named, or the suggested file name inside a folder named. */
function outputPath(out: string, suggested: string): { file: string; format: 'png' | 'svg' } {
  if (!out.trim()) throw new UserError('invalid_input', 'Name the file to write with --out, for example --out chart.png.');
  let file = path.resolve(out);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, suggested);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.png' && ext !== '.svg') {
    throw new UserError('invalid_input', `The chart is written as a PNG picture (or SVG): name a file ending in .png or .svg, for example ${path.basename(file, ext) || 'chart'}.png.`);
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError('invalid_input', `The folder ${dir} does not exist, so the chart could not be saved there.`);
  return { file, format: ext === '.svg' ? 'svg' : 'png' };
}

/** Writes beside the target and renames over it, so a reader never sees half a picture. */
function writeAtomically(file: string, data: Buffer | string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (['EACCES', 'EPERM', 'EROFS'].includes(code)) throw new UserError('invalid_input', `Outturn is not allowed to write to ${file}. Choose a folder you can save files in.`);
    if (code === 'EISDIR') throw new UserError('invalid_input', `${file} is a folder. Name a file ending in .png.`);
    if (code === 'ENOSPC') throw new UserError('invalid_input', `There is not enough disk space to save ${file}.`);
    throw err;
  }
}

export async function runChartCommand(args: ChartCommandArgs): Promise<string> {
  if (!GROUPS.includes(args.group as KadTrendGroup)) {
    throw new UserError('invalid_input', `--group is accommodation (bed-based care) or community (community-based care), not "${args.group}".`);
  }
  const group = args.group as KadTrendGroup;
  checkMonth(args.from, 'from');
  checkMonth(args.to, 'to');
  if (args.from > args.to) throw new UserError('invalid_input', `The chart range starts (${monthLabel(args.from)}) after it ends (${monthLabel(args.to)}).`);
  const size = { width: checkSize(args.width, 'width', DEFAULT_CHART_SIZE.width), height: checkSize(args.height, 'height', DEFAULT_CHART_SIZE.height) };
  const target = outputPath(args.out, kadTrendFileName({ serviceId: args.serviceId, from: args.from, to: args.to }, group));

  const session = new AppSession(args.file); // writable if free: tidy on close; nothing is written
  let trend;
  try {
    const services = listServices(session.ws);
    if (!services.some((s) => s.id === args.serviceId)) {
      const known = services.map((s) => s.id).join(', ');
      throw new UserError('not_found', `There is no Key Activity Data service called "${args.serviceId}". ${known ? `The services are: ${known}.` : 'This workspace has no services yet.'}`);
    }
    trend = kadTrend(session.ws, args.serviceId, args.from, args.to);
  } finally {
    session.close();
  }
  if (trend.points.length === 0) {
    throw new UserError('not_found', `There is no Key Activity Data for ${trend.serviceName} from ${monthLabel(args.from)} to ${monthLabel(args.to)}, so there is nothing to chart.`);
  }

  const data = target.format === 'svg' ? renderKadTrendSvg(trend, group, size) : renderKadTrendPng(trend, group, size);
  writeAtomically(target.file, data);
  return target.file;
}
