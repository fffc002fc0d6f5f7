/**
 * One translation being edited: loads it, keeps the form's fields, and saves them with a debounced
 * PUT carrying the versions it was based on (the text's, and the story-wide settings' from the
 * original's screen; marked `autosave`, so the server keeps one revision per
 * editing session; a flush, before a workflow step or on leaving, is an explicit save). A 409 means someone else saved in between: nothing is
 * retried or overwritten, the screen says so and offers a reload. Leaving the page with unsaved
 * changes asks first (beforeunload); leaving the screen saves what is pending.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { storiesApi } from '../../api/endpoints';
import type { Translation } from '../../api/types';
import { setNavigationGuard } from '../../app/router';
import { useSession } from '../../app/session';
import { fieldsOf, saveInputOf, snapshotOf, type DraftFields } from './draft-fields';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

export const AUTOSAVE_DELAY_MS = 1200;

export interface TranslationDraft {
  loading: boolean;
  loadError: unknown;
  /** The server's latest answer for this translation. */
  translation: Translation | null;
  fields: DraftFields | null;
  update(patch: Partial<DraftFields>): void;
  saveState: SaveState;
  saveError: unknown;
  /** Saves now if anything is pending; false when it could not be saved. */
  flush(): Promise<boolean>;
  /** The server's version of the text right now (after a flush, the one just saved). */
  currentVersion(): number;
  /** Takes an answer of a transition or sync (same text, new status and version). */
  accept(translation: Translation): void;
  /** Replaces everything with the server's current version (after a conflict or a restore). */
  reset(translation?: Translation): Promise<void>;
  /** Changes whenever the fields were replaced from the server: the body editor remounts on it. */
  generation: number;
}

export function useTranslationDraft(id: string, messages: { unsavedWarning: string }): TranslationDraft {
  const [translation, setTranslation] = useState<Translation | null>(null);
  const [fields, setFields] = useState<DraftFields | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  // The save loop works on refs, so a save started by a timer always sees the latest values.
  const serverRef = useRef<Translation | null>(null);
  const fieldsRef = useRef<DraftFields | null>(null);
  /** The fields as last saved (or loaded); compared under the server's current state. */
  const savedRef = useRef<DraftFields | null>(null);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const timerRef = useRef<number | null>(null);
  const stateRef = useRef<SaveState>('saved');

  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setSaveState(next);
  }, []);

  const clearTimer = () => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const isDirty = () => {
    const server = serverRef.current;
    const current = fieldsRef.current;
    const saved = savedRef.current;
    return server !== null && current !== null && (saved === null || snapshotOf(current, server) !== snapshotOf(saved, server));
  };

  const load = useCallback(
    (fromServer: Translation) => {
      clearTimer();
      const next = fieldsOf(fromServer);
      serverRef.current = fromServer;
      fieldsRef.current = next;
      savedRef.current = next;
      setTranslation(fromServer);
      setFields(next);
      setSaveError(null);
      setState('saved');
      setGeneration((g) => g + 1);
    },
    [setState],
  );

  const saveOnce = useCallback(
    async (autosave: boolean): Promise<boolean> => {
      const server = serverRef.current;
      const current = fieldsRef.current;
      if (!server || !current) return false;
      if (stateRef.current === 'conflict') return false;
      if (!isDirty()) {
        setState('saved');
        return true;
      }
      setState('saving');
      try {
        const saved = await storiesApi.save(server.id, saveInputOf(current, server, autosave));
        serverRef.current = saved;
        savedRef.current = current;
        setTranslation(saved);
        setSaveError(null);
        if (isDirty()) {
          setState('unsaved');
          schedule();
        } else setState('saved');
        return true;
      } catch (error) {
        setSaveError(error);
        // A 409 is a stale version (someone else saved) unless it names a field (a slug in use).
        setState(error instanceof ApiError && error.status === 409 && error.details.field === undefined ? 'conflict' : 'error');
        return false;
      }
    },
    // oxlint-disable-next-line react/exhaustive-deps -- `isDirty`/`schedule` are re-made each render but read only refs and `save`, stable while `setState` is
    [setState],
  );

  const save = useCallback(
    async (autosave = false): Promise<boolean> => {
      clearTimer();
      while (inFlightRef.current) await inFlightRef.current;
      const run = saveOnce(autosave);
      inFlightRef.current = run;
      try {
        return await run;
      } finally {
        inFlightRef.current = null;
      }
    },
    [saveOnce],
  );

  function schedule() {
    clearTimer();
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void save(true);
    }, AUTOSAVE_DELAY_MS);
  }

  useEffect(() => {
    let live = true;
    setLoading(true);
    setLoadError(null);
    storiesApi.get(id).then(
      (loaded) => {
        if (!live) return;
        load(loaded);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(error);
        setLoading(false);
      },
    );
    return () => {
      live = false;
      // Leaving the screen: what is pending is saved (the request outlives the screen).
      clearTimer();
      if (isDirty() && stateRef.current !== 'conflict') void save();
    };
    // oxlint-disable-next-line react/exhaustive-deps -- loads once per story id; the cleanup must save with the refs of that moment, not re-run when callbacks change
  }, [id]);

  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      const current = fieldsRef.current;
      if (!current) return;
      const next = { ...current, ...patch };
      fieldsRef.current = next;
      setFields(next);
      if (stateRef.current === 'conflict') return;
      if (isDirty()) {
        if (stateRef.current !== 'saving') setState('unsaved');
        schedule();
      } else if (stateRef.current === 'unsaved') {
        clearTimer();
        setState('saved');
      }
    },
    // oxlint-disable-next-line react/exhaustive-deps -- `isDirty`/`schedule` are re-made each render but read only refs and `save`, stable while `setState` is
    [setState],
  );

  const accept = useCallback(
    (fromServer: Translation) => {
      // Same text, new status and version: what was saved stays saved.
      serverRef.current = fromServer;
      setTranslation(fromServer);
      if (stateRef.current === 'saved' && isDirty()) {
        setState('unsaved');
        schedule();
      }
    },
    // oxlint-disable-next-line react/exhaustive-deps -- `isDirty`/`schedule` are re-made each render but read only refs and `save`, stable while `setState` is
    [setState],
  );

  const reset = useCallback(
    async (t?: Translation) => {
      const fresh = t ?? (await storiesApi.get(id));
      load(fresh);
    },
    [id, load],
  );

  // Signed in again after the session ended: save what the failed attempts could not.
  const { state: session } = useSession();
  const sessionExpired = session.status === 'signedIn' && session.expired === true;
  useEffect(() => {
    if (!sessionExpired && stateRef.current === 'error') void save();
  }, [sessionExpired, save]);

  useEffect(() => {
    const pending = saveState !== 'saved';
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = messages.unsavedWarning;
      return messages.unsavedWarning;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState, messages.unsavedWarning]);

  useEffect(() => {
    // Inside the app, only work that cannot be saved (conflict, failing saves) holds the user back.
    setNavigationGuard(() => (stateRef.current === 'conflict' || stateRef.current === 'error' ? messages.unsavedWarning : null));
    return () => setNavigationGuard(null);
  }, [messages.unsavedWarning]);

  const currentVersion = useCallback(() => serverRef.current?.version ?? 0, []);

  const flush = useCallback(() => save(false), [save]);

  return { loading, loadError, translation, fields, update, saveState, saveError, flush, currentVersion, accept, reset, generation };
}
