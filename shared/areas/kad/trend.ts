import { z } from 'zod';
import { HundredthsSchema } from './model';

/** One service's activity over a range of months, as the FMR's "Weekly Costs & People" charts show it. */
const Point = z.object({ packages: HundredthsSchema.nullable(), unitCost: HundredthsSchema.nullable() });
export const KadTrendSchema = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(z.object({ period: z.string(), label: z.string(), accommodation: Point, community: Point })),
});
export type KadTrend = z.infer<typeof KadTrendSchema>;
export type KadTrendGroup = 'accommodation' | 'community';
