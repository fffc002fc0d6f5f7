import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useStaff } from '../../app/session';
import { useAction } from '../../util/use-action';

/** /admin/account: who is signed in, and "change my password" (the other sessions end). */
export function AccountScreen() {
  const { t } = useI18n();
  const me = useStaff();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (password !== repeat) {
      setError(t('auth.passwordsDiffer'));
      return;
    }
    const ok = await run(
      () => sessionApi.changePassword(current, password),
      // A wrong current password is named by the server; anything else gets the shared sentence.
      (e) => (e instanceof ApiError && e.status === 400 && e.details.field === 'currentPassword' ? t('account.wrongCurrent') : null),
    );
    if (ok) {
      setDone(true);
      setCurrent('');
      setPassword('');
      setRepeat('');
    }
  };

  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.intro', { email: me.email })}</p>
      <section className="panel" aria-labelledby="change-password">
        <h2 id="change-password">{t('account.changePassword')}</h2>
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <TextField
            label={t('account.currentPassword')}
            type="password"
            value={current}
            onValue={setCurrent}
            required
            autoComplete="current-password"
          />
          <TextField
            label={t('field.newPassword')}
            type="password"
            value={password}
            onValue={setPassword}
            required
            autoComplete="new-password"
            hint={t('auth.passwordHint')}
          />
          <TextField
            label={t('field.passwordRepeat')}
            type="password"
            value={repeat}
            onValue={setRepeat}
            required
            autoComplete="new-password"
          />
          {error ? <Notice kind="error">{error}</Notice> : null}
          {done ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('account.changeButton')}
            </button>
          </div>
        </form>
      </section>
    </section>
  );
}
