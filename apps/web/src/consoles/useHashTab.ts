import { useEffect, useState } from 'react';

/** A console's section, kept in the URL's hash so a reload or a link lands on the same one. */
export function useHashTab<T extends string>(tabs: readonly T[], fallback: T): [T, (tab: T) => void] {
  const read = () => {
    const hash = window.location.hash.slice(1).split('/')[0] as T;
    return tabs.includes(hash) ? hash : fallback;
  };
  const [tab, setTab] = useState<T>(read);
  useEffect(() => {
    const onChange = () => setTab(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  return [
    tab,
    (next: T) => {
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${next}`);
      setTab(next);
    },
  ];
}
