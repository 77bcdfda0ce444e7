import { useCallback, useEffect, useState } from 'react';
import { formatState, parseState, type ViewState } from './url-state';

/** The view state from the URL; `navigate` changes it and pushes (or replaces) a history entry. */
export function useViewState(): [ViewState, (change: Partial<ViewState>, options?: { replace?: boolean }) => void] {
  const [state, setState] = useState(() => parseState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((change: Partial<ViewState>, options: { replace?: boolean } = {}) => {
    setState((current) => {
      const next = { ...current, ...change };
      const url = `${window.location.pathname}${formatState(next)}`;
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return next;
    });
  }, []);
  return [state, navigate];
}

/** The href of a state change, for real links (open in a new tab, copy the address). */
export function hrefOf(state: ViewState, change: Partial<ViewState>): string {
  return `/${formatState({ ...state, ...change })}`;
}
