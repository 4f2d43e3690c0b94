import { normaliseHeader } from '../../../import/read/headers';

/**
 * The columns of a care-package extract (Mosaic, LiquidLogic/ContrOCC and others export "service
 * elements": one row per person, package and cost period), found by their header text like every import.
 */
export const EXTRACT_COLUMNS = {
  personId: { header: 'Person ID', aliases: ['person id', 'client id', 'service user id', 'person reference', 'mosaic id'], required: false },
  dateOfBirth: { header: 'Date of Birth', aliases: ['date of birth', 'dob', 'birth date'], required: true },
  reason: { header: 'Primary Support Reason', aliases: ['primary support reason', 'psr', 'support reason'], required: true },
  serviceType: { header: 'Service Type', aliases: ['service type', 'care type', 'service'], required: true },
  packageId: { header: 'Package ID', aliases: ['package id', 'package reference', 'care package id', 'package'], required: true },
  start: { header: 'Element Start', aliases: ['element start', 'element start date', 'start date', 'start'], required: true },
  end: { header: 'Element End', aliases: ['element end', 'element end date', 'end date', 'end'], required: true },
  weeklyCost: { header: 'Weekly Cost', aliases: ['weekly cost', 'cost per week', 'weekly cost (£)', 'gross weekly cost'], required: true },
  contribution: { header: 'Weekly Client Contribution', aliases: ['weekly client contribution', 'client contribution', 'weekly contribution', 'assessed contribution'], required: true },
  provider: { header: 'Provider', aliases: ['provider', 'provider name'], required: false },
  costCentre: { header: 'Cost Centre', aliases: ['cost centre', 'cost center', 'cost centre code'], required: false },
} as const;
export type ExtractColumn = keyof typeof EXTRACT_COLUMNS;

const BY_ALIAS = new Map<string, ExtractColumn>();
for (const [key, c] of Object.entries(EXTRACT_COLUMNS) as [ExtractColumn, (typeof EXTRACT_COLUMNS)[ExtractColumn]][]) {
  for (const a of c.aliases) BY_ALIAS.set(normaliseHeader(a).norm, key);
}

export function extractColumnNamed(text: string): ExtractColumn | null {
  return BY_ALIAS.get(normaliseHeader(text).norm) ?? null;
}

/** A header row of an extract names a package, its start and its weekly cost. */
export function isExtractHeader(texts: readonly string[]): boolean {
  const named = new Set(texts.map(extractColumnNamed));
  return named.has('packageId') && named.has('start') && named.has('weeklyCost') && named.has('reason');
}
