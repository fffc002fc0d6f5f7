import { useI18n, type MessageKey } from '../../i18n/i18n';
import type { SaveState } from './use-translation-draft';

const KEYS: Record<SaveState, MessageKey> = {
  saved: 'save.saved',
  saving: 'save.saving',
  unsaved: 'save.unsaved',
  conflict: 'save.conflict',
  error: 'save.error',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  return (
    <span className={`save-state save-state--${state}`} role="status" aria-live="polite" data-state={state}>
      {t(KEYS[state])}
    </span>
  );
}
