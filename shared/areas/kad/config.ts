import { z } from 'zod';

/** Services and the service types each uses in a month: the settings screen's data. */
export const KadConfigSchema = z.object({
  period: z.string(),
  types: z.array(z.object({ id: z.string(), name: z.string(), group: z.enum(['accommodation', 'community']), isRespite: z.boolean() })),
  services: z.array(z.object({ id: z.string(), name: z.string(), caption: z.string(), typesInUse: z.array(z.string()), hasData: z.boolean() })),
});
export type KadConfig = z.infer<typeof KadConfigSchema>;
