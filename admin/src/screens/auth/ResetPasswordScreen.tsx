import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { sessionApi } from '../../api/endpoints';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../app/router';
import { AuthFrame } from './AuthFrame';
import { useAction } from '../../util/use-action';

/** /admin/reset-password asks for an address; the mailed link (?token=…) sets a new password. */
export function ResetPasswordScreen({ token }: { token: string | null }) {
  return token ? <ConfirmReset token={token} /> : <RequestReset />;
}

function RequestReset() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await sessionApi.requestPasswordReset(email.trim());
      setSent(true);
    });
  };

  return (
    <AuthFrame title={t('reset.title')}>
      {sent ? (
        <Notice kind="success">{t('reset.sent')}</Notice>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="stack">
          <p className="lead">{t('reset.intro')}</p>
          <TextField label={t('field.email')} type="email" value={email} onValue={setEmail} required autoComplete="email" />
          {error ? <Notice kind="error">{error}</Notice> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('reset.send')}
          </button>
        </form>
      )}
      <p className="auth__aside">
        <Link to="/">{t('reset.backToSignIn')}</Link>
      </p>
    </AuthFrame>
  );
}

function ConfirmReset({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) {
      setError(t('auth.passwordsDiffer'));
      return;
    }
    await run(
      async () => {
        await sessionApi.confirmPasswordReset(token, password);
        setDone(true);
      },
      (e) => (e instanceof ApiError && e.status === 400 ? t('reset.badToken', { message: e.message }) : null),
    );
  };

  return (
    <AuthFrame title={t('reset.confirmTitle')}>
      {done ? (
        <>
          <Notice kind="success">{t('reset.done')}</Notice>
          <button type="button" className="button button--primary" onClick={() => navigate('/', { replace: true })}>
            {t('reset.backToSignIn')}
          </button>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="stack">
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
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('reset.confirm')}
          </button>
        </form>
      )}
    </AuthFrame>
  );
}
