import { z } from 'zod';
import { financialYearOf, monthLabel } from '../periods';

/**
 * What the committee pack says about itself: who publishes it, for which committee and meeting. Stored in
 * the workspace's settings table as `pack.<name>`; the renderer's form and the API use this schema.
 */

// One line of plain text: no control characters (they would break the print header and footer).
const Line = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max} characters`)
    .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'must be one line of plain text')
    .transform((s) => s.trim());

const IsoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const PackSettingsSchema = z.object({
  councilName: Line(120).refine((s) => s.length > 0, 'is needed: the pack names the council on its cover and as its author'),
  committee: Line(120),
  /** Blank: built from the period ("Finance Monitoring Report – August 2023/24"). */
  reportTitle: Line(200),
  /** YYYY-MM-DD, or blank when no meeting is set. */
  meetingDate: z
    .string()
    .trim()
    .refine((s) => s === '' || (IsoDate.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), 'is a date written YYYY-MM-DD, for example 2023-10-05'),
  /** The officer who prepared the pack, shown on the cover only when given (never in file properties). */
  author: Line(120),
});
export type PackSettings = z.infer<typeof PackSettingsSchema>;
export const PackSettingsUpdateSchema = PackSettingsSchema.partial().strict();
export type PackSettingsUpdate = z.infer<typeof PackSettingsUpdateSchema>;

export const PACK_SETTING_KEYS = ['councilName', 'committee', 'reportTitle', 'meetingDate', 'author'] as const satisfies readonly (keyof PackSettings)[];

/** The settings that belong to a month (each FMR has its own meeting, title and author). */
export const PERIOD_SETTING_KEYS = ['meetingDate', 'reportTitle', 'author'] as const satisfies readonly (keyof PackSettings)[];
export type PeriodSettingKey = (typeof PERIOD_SETTING_KEYS)[number];

export const PeriodPackSettingsSchema = z.object({ settings: PackSettingsSchema, carried: z.array(z.enum(PERIOD_SETTING_KEYS)) });

/** From the demo's published FMR (Adults and Health Committee, 5 October 2023). */
export const DEFAULT_PACK_SETTINGS: PackSettings = {
  councilName: 'Cambridgeshire County Council',
  committee: 'Adults and Health Committee',
  reportTitle: '',
  meetingDate: '',
  author: '',
};

/** "Finance Monitoring Report – August 2023/24", as the published FMR titles itself. */
export function defaultReportTitle(period: string): string {
  const fy = financialYearOf(period).replace('-', '/');
  return `Finance Monitoring Report – ${monthLabel(period).split(' ')[0]} ${fy}`;
}

export function reportTitleFor(settings: Pick<PackSettings, 'reportTitle'>, period: string): string {
  return settings.reportTitle || defaultReportTitle(period);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-10-05" → "5 October 2023"; blank stays blank. */
export function formatMeetingDate(iso: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
