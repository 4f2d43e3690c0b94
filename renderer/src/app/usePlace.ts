import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Target } from '../../../shared/area';
import { captureToken } from '../api/client';
import { hashOfPlace, placeInHash, type PageAddress } from './address';

type Params = Record<string, string>;

interface State {
  page: string;
  /** The toolbar's month; '' until the workspace's months are known and nothing was asked for. */
  period: string;
  /** Each page's own parameters, so coming back to a page shows what it showed (the same table). */
  params: Record<string, Params>;
}

export interface PlaceControls {
  page: string;
  period: string;
  /** The current page's parameters. */
  params: Params;
  openPage: (page: string) => void;
  setPeriod: (update: string | ((period: string) => string)) => void;
  /** Merges parameters into a page's (the current page when not named). */
  setParams: (params: Params, page?: string) => void;
  /** Opens the page a finding, an undone step or an import names, with its month and parameters. */
  openTarget: (target: Target) => void;
}

/** Where other pages' parameters are kept in the tab's history entry, which a reload keeps. */
const HISTORY_KEY = 'outturnPageParams';

function rememberedParams(): Record<string, Params> {
  const state: unknown = window.history.state;
  const kept = state && typeof state === 'object' ? (state as Record<string, unknown>)[HISTORY_KEY] : undefined;
  if (!kept || typeof kept !== 'object') return {};
  const out: Record<string, Params> = {};
  for (const [page, params] of Object.entries(kept)) {
    if (params && typeof params === 'object') out[page] = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  return out;
}

/** The address says where to open; the pages not shown there come back as they were left before a reload. */
function startState(pages: readonly PageAddress[], fallback: string): State {
  const at = placeInHash(window.location.hash, pages);
  const remembered = rememberedParams();
  return { page: at.page ?? fallback, period: at.period ?? '', params: at.page ? { ...remembered, [at.page]: { ...remembered[at.page], ...at.params } } : remembered };
}

/**
 * Where the officer is (page, month, the page's parameters), kept in the address with
 * history.replaceState as they move, so a reload comes back to the same place. The address names one
 * page; the other pages' parameters ride in the history entry's state, so after a reload each page
 * still shows what it showed. Back and forward do not navigate. A fragment loaded while the window is
 * open (the Electron menu's `#area=backups`) opens that page. `overrideHash`, when given, is written
 * instead (the print view's request).
 */
export function usePlace(pages: readonly PageAddress[], overrideHash: string | null): PlaceControls {
  const fallback = pages[0]?.id ?? '';
  const [state, setState] = useState<State>(() => startState(pages, fallback));

  const openPage = useCallback((page: string) => setState((s) => ({ ...s, page })), []);
  const setPeriod = useCallback((update: string | ((period: string) => string)) => setState((s) => ({ ...s, period: typeof update === 'function' ? update(s.period) : update })), []);
  const setParams = useCallback(
    (params: Params, page?: string) =>
      setState((s) => {
        const id = page ?? s.page;
        return { ...s, params: { ...s.params, [id]: { ...s.params[id], ...params } } };
      }),
    [],
  );
  const openTarget = useCallback(
    (target: Target) => {
      if (!pages.some((p) => p.id === target.area)) return;
      const { period, ...params } = target.params;
      setState((s) => ({ page: target.area, period: period ?? s.period, params: { ...s.params, [target.area]: { ...s.params[target.area], ...params } } }));
    },
    [pages],
  );

  // A fragment loaded into the open window: the menu's page, or a browser address pasted again.
  useEffect(() => {
    const follow = () => {
      captureToken();
      const at = placeInHash(window.location.hash, pages);
      if (!at.page) return;
      const page = at.page;
      setState((s) => ({ page, period: at.period ?? s.period, params: { ...s.params, [page]: { ...s.params[page], ...at.params } } }));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [pages]);

  const params = useMemo(() => state.params[state.page] ?? {}, [state.params, state.page]);
  const hash = overrideHash ?? hashOfPlace({ page: state.page, period: state.period || null, params }, pages);
  useEffect(() => {
    const kept: unknown = window.history.state;
    const entry = { ...(kept && typeof kept === 'object' ? kept : {}), [HISTORY_KEY]: state.params };
    window.history.replaceState(entry, '', window.location.pathname + window.location.search + hash);
  }, [hash, state.params]);

  return { page: state.page, period: state.period, params, openPage, setPeriod, setParams, openTarget };
}
