import { z } from 'zod';

/**
 * Which Key Activity Data service a care package counts under: from the primary support reason
 * recorded for it and the person's age at the month end. A setting, since councils record reasons
 * and split services differently; these defaults are the FMR's.
 */
export const ReasonRule = z.union([
  z.object({ service: z.string().min(1) }).strict(),
  z.object({ atOrOver: z.string().min(1), under: z.string().min(1) }).strict(),
]);
export type ReasonRule = z.infer<typeof ReasonRule>;

export const ExtractMappingSchema = z
  .object({
    /** The age from which the "at or over" service applies (65: older people's services). */
    ageThreshold: z.number().int().min(0).max(130),
    /** Primary support reason, as the care system writes it, to the service(s) it counts under. */
    reasons: z.record(z.string().min(1), ReasonRule),
  })
  .strict();
export type ExtractMapping = z.infer<typeof ExtractMappingSchema>;

const OLDER_PD = { atOrOver: 'older-people-physical-disability-over-65', under: 'physical-disabilities-under-65' };

export const DEFAULT_EXTRACT_MAPPING: ExtractMapping = {
  ageThreshold: 65,
  reasons: {
    'Learning Disability Support': { service: 'learning-disability-partnership' },
    Autism: { service: 'autism' },
    'Mental Health Support': { atOrOver: 'older-people-mental-health', under: 'adult-mental-health' },
    'Physical Support': OLDER_PD,
    'Sensory Support': OLDER_PD,
    'Support with Memory and Cognition': OLDER_PD,
  },
};

/** Reasons compared as the officer would: case, spacing and "&" for "and" make no difference. */
export function reasonKey(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The mapping as looked up row by row: reason key → its rule. */
export function reasonIndex(mapping: ExtractMapping): Map<string, ReasonRule> {
  return new Map(Object.entries(mapping.reasons).map(([reason, rule]) => [reasonKey(reason), rule]));
}

export function serviceFor(rule: ReasonRule, age: number, threshold: number): string {
  return 'service' in rule ? rule.service : age >= threshold ? rule.atOrOver : rule.under;
}

/** Whether the rule needs the person's age (only then is a date of birth read). */
export function needsAge(rule: ReasonRule): boolean {
  return !('service' in rule);
}
