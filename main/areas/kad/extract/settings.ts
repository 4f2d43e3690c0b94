import { UserError } from '../../../../shared/api/errors';
import { DEFAULT_EXTRACT_MAPPING, ExtractMappingSchema, reasonKey, type ExtractMapping } from '../../../../shared/areas/kad/extract/mapping';
import type { ExtractMappingView } from '../../../../shared/areas/kad/api';
import { monthLabel } from '../../../../shared/periods';
import { frozenSettings } from '../../../store/frozen';
import { getSetting, setSetting } from '../../../store/settings';
import type { Channel, Workspace } from '../../../store/workspace';

/** Which service each primary support reason counts under: a setting (`kad.extractMapping`, JSON), the FMR's by default. */
export const EXTRACT_MAPPING_KEY = 'kad.extractMapping';

function parsed(stored: string | undefined | null): ExtractMapping {
  if (!stored) return DEFAULT_EXTRACT_MAPPING;
  try {
    const p = ExtractMappingSchema.safeParse(JSON.parse(stored));
    return p.success ? p.data : DEFAULT_EXTRACT_MAPPING;
  } catch {
    return DEFAULT_EXTRACT_MAPPING;
  }
}

/**
 * The mapping in force for a month: for a closed month, the one frozen with it when it closed (a
 * change made since moves none of its figures); otherwise the workspace's current one. An import
 * works out only open months, so it always uses the current mapping.
 */
export function extractMapping(ws: Workspace, period?: string): ExtractMapping {
  const frozen = period ? frozenSettings(ws, period) : null;
  if (frozen?.size) return parsed(frozen.get(EXTRACT_MAPPING_KEY));
  return parsed(getSetting(ws, EXTRACT_MAPPING_KEY));
}

/** The mapping as Settings shows it: with the services it can name, and why it cannot be changed for a closed month. */
export function extractMappingView(ws: Workspace, period?: string): ExtractMappingView {
  const services = ws.db.prepare('SELECT id, name FROM kad_services ORDER BY sort_order').all() as { id: string; name: string }[];
  const closed = period ? (ws.db.prepare(`SELECT status FROM periods WHERE id = ?`).pluck().get(period) as string | undefined) === 'closed' : false;
  return {
    mapping: extractMapping(ws, closed ? period : undefined),
    defaults: DEFAULT_EXTRACT_MAPPING,
    services,
    frozenFor: closed && period ? `${monthLabel(period)} is closed: this is the mapping it was closed with. Choose an open month to change the mapping.` : null,
  };
}

function servicesNamed(mapping: ExtractMapping): string[] {
  return Object.values(mapping.reasons).flatMap((r) => ('service' in r ? [r.service] : [r.atOrOver, r.under]));
}

export function setExtractMapping(ws: Workspace, mapping: unknown, channel: Channel): ExtractMappingView {
  const p = ExtractMappingSchema.safeParse(mapping);
  if (!p.success) throw new UserError('invalid_input', `That mapping cannot be saved: ${p.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  const next = p.data;
  const reasons = Object.keys(next.reasons);
  if (!reasons.length) throw new UserError('invalid_input', 'That mapping cannot be saved: it needs at least one primary support reason, or no package would be counted.');
  const seen = new Map<string, string>();
  for (const r of reasons) {
    const twin = seen.get(reasonKey(r));
    if (twin !== undefined) throw new UserError('invalid_input', `That mapping cannot be saved: "${twin}" and "${r}" are the same reason written two ways; keep one.`);
    seen.set(reasonKey(r), r);
  }
  const names = new Map((ws.db.prepare('SELECT id, name FROM kad_services').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const unknown = [...new Set(servicesNamed(next).filter((s) => !names.has(s)))];
  if (unknown.length) throw new UserError('invalid_input', `That mapping names services this workspace does not have: ${unknown.join(', ')}.`);
  const before = extractMapping(ws);
  const changed = describeChanges(before, next, (id) => names.get(id) ?? id);
  if (changed.length) {
    ws.write({ channel, label: `Change which service each primary support reason counts under: ${changed.join('; ')}` }, () => setSetting(ws, EXTRACT_MAPPING_KEY, JSON.stringify(next)));
  }
  return extractMappingView(ws);
}

/** What a change does, in the officer's words, for the audit trail's label. */
function describeChanges(before: ExtractMapping, after: ExtractMapping, name: (id: string) => string): string[] {
  const says = (m: ExtractMapping, reason: string) => {
    const r = m.reasons[reason];
    if (!r) return null;
    return 'service' in r ? name(r.service) : `${name(r.atOrOver)} at the age or over, else ${name(r.under)}`;
  };
  const out: string[] = [];
  if (before.ageThreshold !== after.ageThreshold) out.push(`the age ${before.ageThreshold} → ${after.ageThreshold}`);
  for (const reason of new Set([...Object.keys(before.reasons), ...Object.keys(after.reasons)])) {
    const was = says(before, reason);
    const now = says(after, reason);
    if (was === now) continue;
    out.push(now === null ? `${reason} no longer counted` : was === null ? `${reason} → ${now}` : `${reason}: ${was} → ${now}`);
  }
  return out;
}
