import { useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';

/**
 * A minimal history router: the portal has a handful of pages, each a path under /portal. Links stay
 * real <a href> elements, so keyboard, middle-click and "open in new tab" behave as usual.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const usePath = () => useSyncExternalStore(subscribe, () => window.location.pathname);

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  notify();
}

/** For onClick of an <a href>: handles plain left clicks in the page, leaves the rest to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
