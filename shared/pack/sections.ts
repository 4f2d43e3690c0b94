/**
 * The sections a committee pack can hold, in the order the pack prints them. Each later area (revenue
 * appendices, savings tracker, capital…) adds its id here and a module under main/pack/sections/.
 */
export const PACK_SECTIONS = [
  { id: 'contents', title: 'Contents' },
  { id: 'kad', title: 'Key Activity Data' },
] as const;
export type PackSectionId = (typeof PACK_SECTIONS)[number]['id'];
export const PACK_SECTION_IDS = PACK_SECTIONS.map((s) => s.id) as PackSectionId[];

export function isPackSectionId(id: string): id is PackSectionId {
  return (PACK_SECTION_IDS as string[]).includes(id);
}
