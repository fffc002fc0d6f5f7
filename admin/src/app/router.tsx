/**
 * Client-side routes under /admin with the History API: a path store for components, navigate(),
 * and <Link> (a real <a href>, so opening in a new tab and keyboard use work as usual). A screen
 * with unsaved work can register a guard that asks before leaving it.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export const BASE = '/admin';
const CHANGE = 'masthead:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  /** The path below /admin, starting with "/" ("/" for the app's home). */
  path: string;
  search: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  const below = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
  return { path: below === '' ? '/' : below, search: url.searchParams };
}

/** "/stories" → "/admin/stories" */
export function appHref(to: string): string {
  return BASE + (to.startsWith('/') ? to : `/${to}`);
}

let guard: (() => string | null) | null = null;

/** While set, leaving the current screen in the app asks first when the guard returns a message. */
export function setNavigationGuard(next: (() => string | null) | null): void {
  guard = next;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const message = guard?.();
  if (message && !window.confirm(message)) return;
  const href = appHref(to);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
  if (!options.replace) window.scrollTo(0, 0);
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  children: ReactNode;
}

export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={appHref(to)} onClick={handle} {...rest}>
      {children}
    </a>
  );
}

/** Matches "/translations/:id" style patterns; returns the decoded params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return null;
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    params[name] = decodeURIComponent(found[i + 1] ?? '');
  });
  return params;
}
