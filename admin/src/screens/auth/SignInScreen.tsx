import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { TextField } from '../../components/fields';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { AuthFrame } from './AuthFrame';
import { useAction } from '../../util/use-action';

/** The sign-in form, on its own page or inside the "sign in again" dialog. */
function SignInForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(
      async () => {
        session.signedIn(await sessionApi.signIn({ email: email.trim(), password }));
      },
      (e) => (e instanceof ApiError && e.status === 401 ? t('signIn.wrong') : null),
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <TextField label={t('field.email')} type="email" value={email} onValue={setEmail} required autoComplete="username" />
      <TextField
        label={t('field.password')}
        type="password"
        value={password}
        onValue={setPassword}
        required
        autoComplete="current-password"
        autoFocus={initialEmail !== ''}
      />
      {error ? <Notice kind="error">{error}</Notice> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.working') : t('signIn.submit')}
      </button>
    </form>
  );
}

export function SignInScreen() {
  const { t } = useI18n();
  return (
    <AuthFrame title={t('signIn.title')}>
      <SignInForm />
      <p className="auth__aside">
        <Link to="/reset-password">{t('signIn.forgot')}</Link>
      </p>
    </AuthFrame>
  );
}

/** The session ended while working: sign in again over the screen, which keeps its unsaved work. */
export function SignInAgain({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('signIn.againTitle')} onClose={() => undefined}>
      <Notice kind="info">{t('signIn.expired')}</Notice>
      <SignInForm initialEmail={email} />
    </Dialog>
  );
}
