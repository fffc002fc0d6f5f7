/**
 * Sections, authors and topics, loaded once per sign-in and shared by every screen that names or
 * picks them; plus the locales the newsroom writes in (the editions' languages, as far as the
 * admin API shows them: section names, the staff member's locales, and the defaults).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { taxonomyApi } from '../api/endpoints';
import type { TaxonomyItem } from '../api/types';
import { useStaff } from './session';

const DEFAULT_LOCALES = ['en', 'tr', 'ar', 'fa'];

export interface Taxonomy {
  sections: TaxonomyItem[];
  authors: TaxonomyItem[];
  /** Topics seen so far (the full list when small, plus every search result and new topic). */
  topics: TaxonomyItem[];
  locales: string[];
  /** True when a list could not be loaded (the screens still work, with ids instead of names). */
  failed: boolean;
  rememberTopics(items: TaxonomyItem[]): void;
  /** Loads the lists again (after authors, sections or topics were changed). */
  reload(): void;
}

const TaxonomyContext = createContext<Taxonomy | null>(null);

function localesOf(items: TaxonomyItem[]): string[] {
  return items.flatMap((item) => (Array.isArray(item.names) ? item.names.map((n) => n.locale) : item.names ? Object.keys(item.names) : []));
}

export function TaxonomyProvider({ children }: { children: ReactNode }) {
  const staff = useStaff();
  const [sections, setSections] = useState<TaxonomyItem[]>([]);
  const [authors, setAuthors] = useState<TaxonomyItem[]>([]);
  const [topics, setTopics] = useState<TaxonomyItem[]>([]);
  const [failed, setFailed] = useState(false);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const fail = () => {
      if (live) setFailed(true);
    };
    taxonomyApi.sections().then((r) => live && setSections(r.items), fail);
    taxonomyApi.authors().then((r) => live && setAuthors(r.items), fail);
    taxonomyApi.topics().then((r) => live && setTopics(r.items), fail);
    return () => {
      live = false;
    };
  }, [staff.id, loads]);

  const rememberTopics = useCallback((items: TaxonomyItem[]) => {
    setTopics((known) => {
      const byId = new Map(known.map((t) => [t.id, t]));
      for (const item of items) byId.set(item.id, item);
      return [...byId.values()];
    });
  }, []);

  const value = useMemo<Taxonomy>(() => {
    const locales = [...new Set([...DEFAULT_LOCALES, ...localesOf(sections), ...staff.locales])];
    return { sections, authors, topics, locales, failed, rememberTopics, reload };
  }, [sections, authors, topics, staff.locales, failed, rememberTopics, reload]);

  return <TaxonomyContext.Provider value={value}>{children}</TaxonomyContext.Provider>;
}

export function useTaxonomy(): Taxonomy {
  const value = useContext(TaxonomyContext);
  if (!value) throw new Error('useTaxonomy outside TaxonomyProvider');
  return value;
}
