import { useState, type FormEvent } from 'react';
import { staffApi } from '../../api/endpoints';
import type { ApiKey, Role } from '../../api/types';
import { describeError } from '../../components/errors';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { ROLE_KEYS } from '../../app/labels';
import { useAsync } from '../../util/use-async';
import { ROLES } from '../../../../src/modules/newsroom/permissions';
import { useAction } from '../../util/use-action';

/** Admins: keys for integrations. The secret is shown once, right after creating the key. */
export function ApiKeysScreen() {
  const { t, dateTime } = useI18n();
  const list = useAsync(() => staffApi.listKeys(), []);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('writer');
  const { busy, error, setError, run } = useAction();
  const [secret, setSecret] = useState<{ key: ApiKey; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    await run(async () => {
      const created = await staffApi.createKey({ name: name.trim(), role });
      setSecret({ key: created.apiKey, secret: created.secret });
      setName('');
      list.reload();
    });
  };

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    setError(null);
    try {
      await staffApi.revokeKey(key.id);
      list.reload();
    } catch (e) {
      setError(describeError(t, e));
    }
  };

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section>
      <h1>{t('apiKeys.title')}</h1>
      {secret ? (
        <div className="notice notice--success secret" role="status">
          <p>
            <strong>{t('apiKeys.secretOnce', { name: secret.key.name })}</strong>
          </p>
          <p>
            <code className="secret__value" data-testid="api-key-secret">
              {secret.secret}
            </code>
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setSecret(null)}>
              {t('apiKeys.secretDone')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {list.error ? <Notice kind="error">{describeError(t, list.error)}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">{t('apiKeys.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('apiKeys.prefix')}</th>
              <th scope="col">{t('apiKeys.created')}</th>
              <th scope="col">{t('apiKeys.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('desk.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((key) => (
              <tr key={key.id} className={key.revokedAt ? 'is-revoked' : undefined}>
                <th scope="row">{key.name}</th>
                <td>{t(ROLE_KEYS[key.role])}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{dateTime(key.createdAt)}</td>
                <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : t('apiKeys.never')}</td>
                <td>
                  {key.revokedAt ? (
                    t('apiKeys.revokedAt', { when: dateTime(key.revokedAt) })
                  ) : (
                    <button type="button" className="button button--small button--danger" onClick={() => void revoke(key)}>
                      {t('apiKeys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section className="panel" aria-labelledby="new-key">
        <h2 id="new-key">{t('apiKeys.new')}</h2>
        <form className="grid-form" onSubmit={(event) => void create(event)}>
          <TextField label={t('field.name')} value={name} onValue={setName} required hint={t('apiKeys.nameHint')} />
          <SelectField
            label={t('field.role')}
            value={role}
            onValue={(v) => setRole(v as Role)}
            options={ROLES.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))}
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('apiKeys.create')}
            </button>
          </div>
        </form>
      </section>
    </section>
  );
}
