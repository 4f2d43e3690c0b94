import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession, initWorkspace } from '../../main/app/session';
import { runChartCommand } from '../../main/areas/kad/cli-chart';
import { renderKadTrendPng, renderKadTrendSvg } from '../../main/areas/kad/chart-png';
import { chartFontOptions } from '../../main/pack/chart-png';
import { rollForwardMonth as rollForward } from '../../main/core/months';
import { setKadCells } from '../../main/areas/kad/service';
import { kadTrend } from '../../main/areas/kad/trend';
import { UserError } from '../../shared/api/errors';
import type { KadTrend } from '../../shared/areas/kad/trend';

const LDP = 'learning-disability-partnership';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels clearly darker than the white background in a horizontal band of an RGBA raster. */
function darkPixels(pixels: Buffer, width: number, rows: [number, number]): number {
  let n = 0;
  for (let y = rows[0]; y < rows[1]; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 128) n++;
    }
  }
  return n;
}

let dir: string;
let file: string;
let trend: KadTrend;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-chart-'));
  file = path.join(dir, 'demo.db');
  initWorkspace(file, { demo: true });
  const session = new AppSession(file);
  try {
    const ws = session.ws;
    rollForward(ws, '2023-08', 'cli');
    setKadCells(ws, { period: '2023-09', serviceId: LDP, cells: [{ lineKey: 'residential', field: 'currentPackages', value: 25000 }] }, 'grid');
    rollForward(ws, '2023-09', 'cli');
    setKadCells(ws, { period: '2023-10', serviceId: LDP, cells: [{ lineKey: 'supported_living', field: 'currentUnitCost', value: 200000 }] }, 'grid');
    trend = kadTrend(ws, LDP, '2023-04', '2023-10');
  } finally {
    session.close();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('trend chart as SVG and PNG, after rolling the demo forward', () => {
  it('charts the months held: the demo extract’s April to July, August (published) to October', () => {
    expect(trend.points.map((p) => p.period)).toEqual(['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10']);
    // 234 published Residential packages become 250 in September: the subtotal moves by 16 from the published 261.
    expect(trend.points[4]!.accommodation.packages).toBe(26100);
    expect(trend.points[5]!.accommodation.packages).toBe(27700);
  });

  it('draws the title, the month labels and the axis names into the SVG', () => {
    const svg = renderKadTrendSvg(trend, 'accommodation', { width: 900, height: 450 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="900"');
    expect(svg).toContain('Learning Disability Partnership Bed-Based Weekly Costs &amp; People (Apr 23 - Oct 23)');
    for (const label of ['Aug 23', 'Sep 23', 'Oct 23', 'People', 'Average weekly cost', 'People (care packages)']) expect(svg).toContain(`>${label}<`);
    expect(svg).toMatch(/>£[\d,]+</);
    const community = renderKadTrendSvg(trend, 'community', { width: 900, height: 450 }, { serviceLabel: 'LD' });
    expect(community).toContain('LD Community Weekly Costs &amp; People (Apr 23 - Oct 23)');
  });

  it('rasterises to a PNG of the size asked for', () => {
    const png = renderKadTrendPng(trend, 'accommodation', { width: 900, height: 450 });
    expect(pngSize(png)).toEqual({ width: 900, height: 450 });
    expect(png.length).toBeGreaterThan(10_000);
    expect(pngSize(renderKadTrendPng(trend, 'community', { width: 1600, height: 700 }))).toEqual({ width: 1600, height: 700 });
  });

  it('renders text: the title band has ink with the fonts loaded, and none without them', () => {
    const svg = renderKadTrendSvg(trend, 'accommodation', { width: 900, height: 450 });
    const withFonts = new Resvg(svg, { background: '#ffffff', font: chartFontOptions() }).render();
    const withoutFonts = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: false, fontFiles: [] } }).render();
    // The title sits in the top 40 pixels, above the plot area.
    expect(darkPixels(withFonts.pixels, withFonts.width, [0, 40])).toBeGreaterThan(500);
    expect(darkPixels(withoutFonts.pixels, withoutFonts.width, [0, 40])).toBe(0);
  });

  it('is deterministic: the same data gives the same picture', () => {
    expect(renderKadTrendPng(trend, 'community').equals(renderKadTrendPng(trend, 'community'))).toBe(true);
  });
});

describe('outturn chart (runChartCommand)', () => {
  const base = () => ({ file, serviceId: LDP, from: '2023-04', to: '2023-10', group: 'accommodation' });

  it('writes the PNG atomically and returns its path, leaving no temporary file and the workspace unlocked', async () => {
    const out = path.join(dir, 'ldp.png');
    expect(await runChartCommand({ ...base(), out })).toBe(out);
    expect(pngSize(fs.readFileSync(out))).toEqual({ width: 900, height: 450 });
    // Replacing an existing picture.
    expect(await runChartCommand({ ...base(), group: 'community', out, width: 1200, height: 600 })).toBe(out);
    expect(pngSize(fs.readFileSync(out))).toEqual({ width: 1200, height: 600 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Read-only, and closed again: the workspace can be opened for writing straight after.
    const s = new AppSession(file);
    expect(s.ws.readOnly).toBe(false);
    s.close();
  });

  it('names the file itself when given a folder, and writes SVG for a .svg name', async () => {
    const folder = path.join(dir, 'pack');
    fs.mkdirSync(folder);
    const written = await runChartCommand({ ...base(), to: '2023-09', out: folder });
    expect(written).toBe(path.join(folder, 'learning-disability-partnership-accommodation-2023-04-to-2023-09.png'));
    expect(pngSize(fs.readFileSync(written)).width).toBe(900);
    const svg = await runChartCommand({ ...base(), out: path.join(folder, 'ldp.svg') });
    expect(fs.readFileSync(svg, 'utf8')).toContain('>Sep 23<');
  });

  it('explains user mistakes in plain English as UserError', async () => {
    const out = path.join(dir, 'x.png');
    const refused = async (args: Partial<Parameters<typeof runChartCommand>[0]>, message: RegExp) => {
      const err = await runChartCommand({ ...base(), out, ...args }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toMatch(message);
    };
    await refused({ serviceId: 'ldp' }, /no Key Activity Data service called "ldp"\. The services are: .*learning-disability-partnership/);
    await refused({ from: '2023-10', to: '2023-08' }, /starts \(October 2023\) after it ends \(August 2023\)/);
    await refused({ from: '2023-13' }, /--from takes a month written YYYY-MM/);
    await refused({ group: 'nursing' }, /--group is accommodation .* or community/);
    await refused({ from: '2021-04', to: '2021-09' }, /no Key Activity Data for Learning Disability Partnership from April 2021 to September 2021/);
    await refused({ width: 50 }, /--width takes a whole number of pixels from 200 to 4000/);
    await refused({ out: path.join(dir, 'missing-folder', 'x.png') }, /folder .*missing-folder does not exist/);
    await refused({ out: path.join(file, 'x.png') }, /does not exist/);
    await refused({ out: path.join(dir, 'chart.pdf') }, /ending in \.png or \.svg/);
    await refused({ file: path.join(dir, 'nope.db') }, /There is no workspace file/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
