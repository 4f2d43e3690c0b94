import type { Target } from '../../area';

/** The area's id and name, said once: its methods, settings, reported values and findings carry them. */
export const KAD_AREA_ID = 'kad';
export const KAD_AREA_NAME = 'Key Activity Data';

/** The Key Activity Data page for one month and service. */
export function kadTarget(period: string, serviceId: string): Target {
  return { area: KAD_AREA_ID, params: { period, service: serviceId } };
}
