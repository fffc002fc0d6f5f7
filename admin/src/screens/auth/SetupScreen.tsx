import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../app/session';
import { AuthFrame } from './AuthFrame';
import { useAction } from '../../util/use-action';

/** First run: no administrator exists yet (GET /setup says needed), so the first one is made here. */
export function SetupScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, run } = useAction();
  const [adminExists, setAdminExists] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) {
      setError(t('auth.passwordsDiffer'));
      return;
    }
    await run(
      async () => {
        session.signedIn(await sessionApi.setup({ name: name.trim(), email: email.trim(), password }));
      },
      (e) => {
        if (!(e instanceof ApiError && e.status === 409)) return null;
        // Someone finished setup first: not an error to show, a different screen.
        setAdminExists(true);
        return '';
      },
    );
  };

  if (adminExists) {
    return (
      <AuthFrame title={t('setup.title')}>
        <Notice kind="info">{t('setup.alreadyDone')}</Notice>
        <button type="button" className="button button--primary" onClick={session.retry}>
          {t('setup.goToSignIn')}
        </button>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('setup.title')}>
      <p className="lead">{t('setup.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <TextField label={t('field.name')} value={name} onValue={setName} required autoComplete="name" />
        <TextField label={t('field.email')} type="email" value={email} onValue={setEmail} required autoComplete="email" />
        <TextField
          label={t('field.password')}
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
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.working') : t('setup.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}
