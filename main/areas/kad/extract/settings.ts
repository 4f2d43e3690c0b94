import { UserError } from '../../../../shared/api/errors';
import { DEFAULT_EXTRACT_MAPPING, ExtractMappingSchema, type ExtractMapping } from '../../../../shared/areas/kad/extract/mapping';
import { getSetting, setSetting } from '../../../store/settings';
import type { Channel, Workspace } from '../../../store/workspace';

/** Which service each primary support reason counts under: a setting (`kad.extractMapping`, JSON), the FMR's by default. */
export const EXTRACT_MAPPING_KEY = 'kad.extractMapping';

export function extractMapping(ws: Workspace): ExtractMapping {
  const stored = getSetting(ws, EXTRACT_MAPPING_KEY);
  if (!stored) return DEFAULT_EXTRACT_MAPPING;
  try {
    const parsed = ExtractMappingSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_EXTRACT_MAPPING;
  } catch {
    return DEFAULT_EXTRACT_MAPPING;
  }
}

export function setExtractMapping(ws: Workspace, mapping: unknown, channel: Channel): ExtractMapping {
  const parsed = ExtractMappingSchema.safeParse(mapping);
  if (!parsed.success) throw new UserError('invalid_input', `That mapping cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  const services = new Set(ws.db.prepare('SELECT id FROM kad_services').pluck().all() as string[]);
  const unknown = Object.values(parsed.data.reasons).flatMap((r) => ('service' in r ? [r.service] : [r.atOrOver, r.under])).filter((s) => !services.has(s));
  if (unknown.length) throw new UserError('invalid_input', `That mapping names services this workspace does not have: ${[...new Set(unknown)].join(', ')}.`);
  ws.write({ channel, label: 'Change which service each primary support reason counts under' }, () => setSetting(ws, EXTRACT_MAPPING_KEY, JSON.stringify(parsed.data)));
  return parsed.data;
}
