/**
 * Who is signed in. Starts from GET /session (401: signed out, then GET /setup tells whether the
 * first-run form is needed); keeps the CSRF token for the API client; returns to the sign-in form
 * when any request reports that the session ended.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import { sessionApi } from '../api/endpoints';
import type { SessionAnswer, Staff } from '../api/types';
import { can, type Action, type Actor, type Target } from '../../../src/modules/newsroom/permissions';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  | { status: 'signedOut'; setupNeeded: boolean }
  /** `expired`: a request found the session gone; the screens stay (with their unsaved work) until signed in again. */
  | { status: 'signedIn'; staff: Staff; expired?: boolean };

export interface Session {
  state: SessionState;
  /** After POST /setup or POST /session. */
  signedIn(answer: SessionAnswer): void;
  signOut(everywhere?: boolean): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

async function probe(): Promise<SessionState> {
  try {
    const answer = await sessionApi.current();
    setCsrfToken(answer.csrfToken);
    return { status: 'signedIn', staff: answer.staff };
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
      return { status: 'unreachable', message: error instanceof Error ? error.message : String(error) };
    }
  }
  try {
    const setup = await sessionApi.setupNeeded();
    return { status: 'signedOut', setupNeeded: setup.needed };
  } catch (error) {
    return { status: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void probe().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setState((current) => (current.status === 'signedIn' ? { ...current, expired: true } : current));
      }),
    [],
  );

  const signedIn = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setState({ status: 'signedIn', staff: answer.staff });
  }, []);

  const signOut = useCallback(async (everywhere = false) => {
    try {
      if (everywhere) await sessionApi.signOutEverywhere();
      else await sessionApi.signOut();
    } finally {
      setCsrfToken(null);
      setState({ status: 'signedOut', setupNeeded: false });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, retry }), [state, signedIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in staff member (only under the signed-in part of the app). */
export function useStaff(): Staff {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useStaff while signed out');
  return state.staff;
}

export function actorOf(staff: Staff): Actor {
  return { kind: 'staff', staffId: staff.id, apiKeyId: null, role: staff.role, locales: staff.locales, name: staff.name };
}

/**
 * The permission matrix the server enforces (src/modules/newsroom/permissions.ts), used here only
 * to decide which buttons to offer; the server still has the last word on every request.
 */
export function useCan(): (action: Action, target?: Target) => boolean {
  const staff = useStaff();
  return useMemo(() => {
    const actor = actorOf(staff);
    return (action: Action, target?: Target) => can(actor, action, target);
  }, [staff]);
}
