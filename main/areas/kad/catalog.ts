import type { KadGroupId } from '../../../shared/areas/kad/model';

/** The published KAD service types, in the order the FMR lists them. */
export const SERVICE_TYPES: readonly { id: string; name: string; group: KadGroupId; isRespite: boolean }[] = [
  { id: 'residential', name: 'Residential', group: 'accommodation', isRespite: false },
  { id: 'residential_dementia', name: 'Residential Dementia', group: 'accommodation', isRespite: false },
  { id: 'nursing', name: 'Nursing', group: 'accommodation', isRespite: false },
  { id: 'nursing_dementia', name: 'Nursing Dementia', group: 'accommodation', isRespite: false },
  { id: 'respite', name: 'Respite', group: 'accommodation', isRespite: true },
  { id: 'supported_living', name: 'Supported Living', group: 'community', isRespite: false },
  { id: 'homecare', name: 'Homecare', group: 'community', isRespite: false },
  { id: 'direct_payments', name: 'Direct payments', group: 'community', isRespite: false },
  { id: 'live_in_care', name: 'Live In Care', group: 'community', isRespite: false },
  { id: 'day_care', name: 'Day Care', group: 'community', isRespite: false },
  { id: 'other_care', name: 'Other Care', group: 'community', isRespite: false },
];

export function serviceTypeByName(name: string) {
  const wanted = name.replace(/^~/, '').trim().toLowerCase();
  return SERVICE_TYPES.find((t) => t.name.toLowerCase() === wanted);
}
