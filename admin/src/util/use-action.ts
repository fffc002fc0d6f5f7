import { useCallback, useState } from 'react';
import { describeError } from '../components/errors';
import { useI18n } from '../i18n/i18n';

export interface Action {
  /** True while a run is in progress (buttons disable themselves). */
  busy: boolean;
  /** The last run's error as a sentence for the person at the keyboard, or null. */
  error: string | null;
  setError(message: string | null): void;
  /**
   * Runs `work`, tracking busy and error. A thrown error is shown through `describe` when it returns
   * a sentence, else through the shared `describeError`. Resolves true when `work` succeeded; never
   * rejects, so an event handler may start it with `void` (`onSubmit={(event) => void submit(event)}`).
   */
  run(work: () => Promise<void>, describe?: (error: unknown) => string | null): Promise<boolean>;
}

/** The busy/error bookkeeping every form and button that calls the API shares. */
export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<void>, describe?: (error: unknown) => string | null) => {
      setBusy(true);
      setError(null);
      try {
        await work();
        return true;
      } catch (e) {
        setError(describe?.(e) ?? describeError(t, e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}
