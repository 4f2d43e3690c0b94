import { useEffect } from 'react';
import { AREAS, type AreaId } from '../app/areas';

/**
 * Opening an area from the address: the Electron menu loads `#area=backups`, and a browser address may
 * read `#token=…&area=backups`. main.tsx's captureToken() strips the whole fragment before the app
 * renders, so the fragment is read here, when this module is first evaluated (imports run before
 * main.tsx's own code). Only the `area` parameter is read; the token stays client.ts's business.
 */
const AT_LOAD = window.location.hash;

export function areaInHash(hash: string): AreaId | null {
  const id = /(?:^#|&)area=([^&]*)/.exec(hash)?.[1];
  const area = id ? AREAS.find((a) => a.id === decodeURIComponent(id)) : undefined;
  return area?.id ?? null;
}

/** The area the address asked for when the window opened, if any. */
export function startArea(): AreaId | null {
  return areaInHash(AT_LOAD);
}

/** Drops `area=` from the fragment, keeping anything else, so the same menu item works a second time. */
function forgetArea(): void {
  const rest = window.location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p && !p.startsWith('area='));
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + (rest.length ? `#${rest.join('&')}` : ''));
}

/** Follows later `#area=…` loads (the menu, while the window is open). */
export function useHashArea(open: (area: AreaId) => void): void {
  useEffect(() => {
    const follow = () => {
      const area = areaInHash(window.location.hash);
      if (!area) return;
      forgetArea();
      open(area);
    };
    if (areaInHash(window.location.hash)) forgetArea(); // already taken by startArea()
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [open]);
}
