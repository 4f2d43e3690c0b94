import type { PackSectionInfo } from '../area';
import { packSections } from '../areas';

/** The sections a committee pack can hold, in print order: the contents, then every area's, from the registry. */
export type PackSectionId = string;

export function listPackSections(): PackSectionInfo[] {
  return packSections();
}

export function packSectionIds(): PackSectionId[] {
  return packSections().map((s) => s.id);
}

export function isPackSectionId(id: string): boolean {
  return packSectionIds().includes(id);
}

/**
 * The sections asked for (by `--sections` or the app), checked against the registry and put in print
 * order; every section when none is named. Throws a plain-English message naming what is unknown.
 */
export function chooseSections(ids: readonly string[] | undefined): PackSectionId[] {
  const all = packSectionIds();
  const wanted = (ids ?? []).flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (ids && !wanted.length) throw new Error(`name at least one section: ${all.join(', ')}`);
  const unknown = wanted.filter((id) => !all.includes(id));
  if (unknown.length) throw new Error(`${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a section' : 'are not sections'} of the committee pack. The sections are: ${all.join(', ')}`);
  return wanted.length ? all.filter((id) => wanted.includes(id)) : all;
}
