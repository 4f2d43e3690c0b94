// Writes the demo's synthetic care-package extract: resources/demo/care-package-extract.csv.gz.
// ILLUSTRATIVE, NOT COUNCIL DATA: every person, package, provider and date is made up, from a fixed seed,
// so that its August 2023 snapshot reproduces the published August 2023 Key Activity Data (current
// packages exactly, average unit costs to the pound) with plausible history from April 2022.
//   node scripts/care-extract.mjs [out.csv.gz] [--rows N]   (--rows: pad with extra past packages, for benchmarks)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const rowsAt = args.indexOf('--rows');
const wantRows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 0;
const out = args.find((a, i) => !a.startsWith('--') && (rowsAt < 0 || i !== rowsAt + 1)) ?? path.join('resources', 'demo', 'care-package-extract.csv.gz');

let seed = 20230831;
function rand() {
  // mulberry32: small, fast, the same on every machine.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (a, b) => a + Math.floor(rand() * (b - a + 1));

const DAY = 86_400_000;
const day = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / DAY);
const AUG_END = day(2023, 8, 31);
const APR_23 = day(2023, 4, 1);
const APR_22 = day(2022, 4, 1);
const AUG_1 = day(2023, 8, 1);
const JUL_END = day(2023, 7, 31);
const pad = (n) => String(n).padStart(2, '0');
const ymd = (d) => new Date(d * DAY);
const uk = (d) => `${pad(ymd(d).getUTCDate())}/${pad(ymd(d).getUTCMonth() + 1)}/${ymd(d).getUTCFullYear()}`;
const iso = (d) => ymd(d).toISOString().slice(0, 10);
const serial = (d) => String(d + 25_569);
/** Dates as systems export them: mostly UK, some ISO, a few Excel serials. */
const dateText = (d) => (d === null ? '' : ((r) => (r < 0.8 ? uk(d) : r < 0.95 ? iso(d) : serial(d)))(rand()));
const money = (pence) => {
  const pounds = Math.floor(pence / 100);
  const text = `${pounds}.${pad(pence % 100)}`;
  return rand() < 0.5 ? text : `£${pounds.toLocaleString('en-GB')}.${pad(pence % 100)}`;
};

const SERVICES = {
  'learning-disability-partnership': { reasons: ['Learning Disability Support'], age: [18, 80], cc: 'LDP' },
  'older-people-physical-disability-over-65': { reasons: ['Physical Support', 'Sensory Support', 'Support with Memory and Cognition'], age: [66, 99], cc: 'OPPD' },
  'physical-disabilities-under-65': { reasons: ['Physical Support', 'Sensory Support'], age: [18, 63], cc: 'PD' },
  'older-people-mental-health': { reasons: ['Mental Health Support'], age: [66, 97], cc: 'OPMH' },
  'adult-mental-health': { reasons: ['Mental Health Support'], age: [18, 63], cc: 'AMH' },
  autism: { reasons: ['Autism'], age: [18, 60], cc: 'AUT' },
};
const PROVIDERS = ['Brookfield Care', 'Riverside Homes', 'Oak Lodge', 'Fenland Support', 'Meadow View', 'Unity Homecare', 'Parkside Living', 'Willow Day Services'];
const ACCOMMODATION = new Set(['Residential', 'Residential Dementia', 'Nursing', 'Nursing Dementia', 'Respite']);

const rows = [];
let people = 0;
let packages = 0;
function person(service) {
  const [lo, hi] = SERVICES[service].age;
  const age = between(lo, hi);
  const born = AUG_END - age * 365.25 * DAY / DAY - between(30, 330);
  return { id: `SYN-${String(++people).padStart(6, '0')}`, born: Math.round(born) };
}
function element(p, service, reason, type, pkg, start, end, pence, cc) {
  const contribution = ACCOMMODATION.has(type) ? Math.round(pence * 0.18) : Math.round(pence * 0.04);
  rows.push([p.id, dateText(p.born), reason, type, pkg, dateText(start), dateText(end), money(pence), contribution ? money(contribution) : '', pick(PROVIDERS), `CC-${cc}`]);
}
/**
 * A package's elements: the final weekly cost from the latest April uplift, 5% less before each; with
 * `repriced`, the cost changed on 1 August 2023 from `finalPence - repriced` (a review), so July's
 * average differs from August's as the published arrow says.
 */
function packageRows(service, type, start, end, finalPence, repriced = 0) {
  const s = SERVICES[service];
  const p = person(service);
  const reason = pick(s.reasons);
  const pkg = `PKG-${String(++packages).padStart(7, '0')}`;
  const changes = [APR_23].filter((d) => d > start && (end === null || d <= end));
  const before = finalPence - repriced;
  let cost = Math.round(before / 1.05 ** changes.length);
  let from = start;
  const step = (to, next) => {
    // Half the systems end the old rate the day before; the others leave it open (an overlap).
    element(p, service, reason, type, pkg, from, rand() < 0.5 ? to - 1 : null, cost, s.cc);
    from = to;
    cost = next;
  };
  changes.forEach((d, i) => step(d, i === changes.length - 1 ? before : Math.round(cost * 1.05)));
  if (repriced) step(AUG_1, finalPence);
  element(p, service, reason, type, pkg, from, end, cost, s.cc);
  return pkg;
}

/** Spreads a whole number of pence over n parts as evenly as whole pence allow. */
const spread = (total, n) => Array.from({ length: n }, (_, i) => Math.trunc(total / n) + (i < Math.abs(total % n) ? Math.sign(total) : 0));

const demo = path.join('resources', 'demo');
for (const file of fs.readdirSync(demo).filter((f) => /^kad-.*\.json$/.test(f)).sort()) {
  const table = JSON.parse(fs.readFileSync(path.join(demo, file), 'utf8'));
  const service = table.table_id.replace(/^kad-/, '');
  for (const r of table.rows) {
    const type = r.service_type ?? r.label.replace(/^~/, '');
    const n = r.actual.current_packages ?? 0;
    const unit = r.actual.avg_unit_cost_per_week;
    if (n > 0 && unit === null) throw new Error(`${service} ${type}: packages without a unit cost`);
    // July 2023 as the published arrows say: packages up → some started in August; down → some ended in
    // August (both at the average cost, so they leave it be); the average up or down by £1 → costs of
    // packages open in both months changed on 1 August.
    const moved = n ? Math.max(1, Math.round(n * 0.01)) : 0;
    const started = r.actual.packages_dot === 'up' ? Math.min(moved, n) : 0;
    const ended = r.actual.packages_dot === 'down' ? moved : 0;
    const july = n - started + ended;
    const common = n - started;
    const towards = { up: 1, down: -1 }[r.actual.unit_cost_dot] ?? 0;
    const deltas = towards && july && common ? spread(towards * july * 100, common) : [];
    // Weekly costs around the published average, in ± pairs, so their mean is the average to the penny.
    const costs = [];
    for (let i = 0; i + 1 < common; i += 2) {
      const d = Math.round(rand() * 0.35 * unit * 100);
      costs.push(unit * 100 + d, unit * 100 - d);
    }
    if (common % 2) costs.push(unit * 100);
    costs.forEach((c, i) => {
      const start = Math.max(day(2016, 1, 1), JUL_END - Math.floor(-Math.log(1 - rand()) * 700));
      const end = rand() < 0.85 ? null : between(day(2023, 9, 1), day(2024, 6, 30));
      packageRows(service, type, start, end, c, Math.min(deltas[i] ?? 0, c - 100));
    });
    for (let i = 0; i < started; i++) packageRows(service, type, between(AUG_1, AUG_END), null, unit * 100);
    for (let i = 0; i < ended; i++) packageRows(service, type, between(day(2022, 6, 1), JUL_END), between(AUG_1, AUG_END - 1), unit * 100);
    // Packages that ended before the end of August 2023: the history behind the charts.
    const past = Math.round(n * 0.3);
    for (let i = 0; i < past; i++) {
      const start = between(day(2020, 1, 1), day(2023, 6, 30));
      const end = between(Math.max(start + 14, APR_22), JUL_END - 1);
      packageRows(service, type, start, end, Math.max(100, Math.round((unit ?? 100) * 100 * (0.7 + rand() * 0.6))));
    }
    // A few starting in September 2023: not known at 31 August.
    if (n > 20) for (let i = 0; i < 3; i++) packageRows(service, type, between(day(2023, 9, 1), day(2023, 9, 30)), null, unit * 100);
  }
}
// Padding for benchmarks: more packages long ended (before April 2022), which every month still reads.
while (wantRows && rows.length < wantRows) {
  const service = pick(Object.keys(SERVICES));
  const start = between(day(2012, 1, 1), day(2021, 1, 1));
  packageRows(service, pick(['Homecare', 'Residential', 'Day Care', 'Direct payments']), start, between(start + 7, day(2022, 3, 1)), between(5_000, 150_000));
}

// What a real extract gets wrong, for the findings list: each left out (a duplicate counted once).
const keep = rows.length;
for (let i = 0; i < 3; i++) rows.push([...rows[between(0, keep - 1)]]);
const bad = (reason, type, start, end, cost) => {
  const p = person('learning-disability-partnership');
  rows.push([p.id, uk(p.born), reason, type, `PKG-${String(++packages).padStart(7, '0')}`, uk(start), end === null ? '' : uk(end), cost, '', pick(PROVIDERS), 'CC-LDP']);
};
bad('Learning Disability Support', 'Homecare', day(2023, 5, 1), day(2023, 4, 1), '420.00');
bad('Learning Disability Support', 'Day Care', day(2023, 7, 3), day(2023, 6, 30), '150.00');
bad('Social Support: Substance Misuse', 'Residential', day(2023, 1, 9), null, '780.00');
bad('Social Support: Asylum Seeker Support', 'Homecare', day(2022, 11, 14), null, '310.00');
bad('Learning Disability Support', 'Supported Living', day(2023, 2, 1), null, '');
bad('Learning Disability Support', 'Homecare', day(2023, 6, 12), null, '');

const headers = ['Person ID', 'Date of Birth', 'Primary Support Reason', 'Service Type', 'Package ID', 'Element Start', 'Element End', 'Weekly Cost', 'Weekly Client Contribution', 'Provider', 'Cost Centre'];
const quote = (f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const text = [['Illustrative, not council data: a synthetic care-package extract (scripts/care-extract.mjs)'], headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, out.endsWith('.gz') ? zlib.gzipSync(text, { level: 9 }) : text);
console.log(`${out}: ${rows.length} rows, ${packages} packages, ${(text.length / 1e6).toFixed(1)} MB of CSV`);
