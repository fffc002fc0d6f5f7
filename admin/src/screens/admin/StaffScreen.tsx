import { useState, type FormEvent } from 'react';
import { staffApi } from '../../api/endpoints';
import type { Role, Staff } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { ROLE_KEYS } from '../../app/labels';
import { useStaff } from '../../app/session';
import { useAsync } from '../../util/use-async';
import { ROLES } from '../../../../src/modules/newsroom/permissions';
import { useAction } from '../../util/use-action';

function parseLocales(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Admins: everyone in the newsroom, their roles and (for translators) languages, whether they are
 * active; add someone, deactivate or reactivate them, delete them (after confirming).
 */
export function StaffScreen() {
  const { t, date } = useI18n();
  const me = useStaff();
  const list = useAsync(() => staffApi.list(), []);
  const [changed, setChanged] = useState<Record<string, Staff>>({});
  const [rowError, setRowError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ person: Staff; move: 'deactivate' | 'delete' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reactivate = async (person: Staff) => {
    setRowError(null);
    try {
      const updated = await staffApi.reactivate(person.id);
      setChanged((c) => ({ ...c, [person.id]: updated }));
    } catch (e) {
      setRowError(describeError(t, e));
    }
  };
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }));

  const patch = async (person: Staff, input: { role?: Role; locales?: string[] }) => {
    setRowError(null);
    try {
      const updated = await staffApi.update(person.id, input);
      setChanged((c) => ({ ...c, [person.id]: updated ?? { ...person, ...input } }));
    } catch (e) {
      setRowError(describeError(t, e));
    }
  };

  return (
    <section>
      <h1>{t('staff.title')}</h1>
      {list.error ? <Notice kind="error">{describeError(t, list.error)}</Notice> : null}
      {rowError ? <Notice kind="error">{rowError}</Notice> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {list.data ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('field.locales')}</th>
              <th scope="col">{t('staff.since')}</th>
              <th scope="col">{t('staff.status')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((original) => {
              const person = changed[original.id] ?? original;
              return (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                      {t('staff.roleOf', { name: person.name })}
                    </label>
                    <select
                      id={`role-${person.id}`}
                      value={person.role}
                      disabled={person.id === me.id}
                      onChange={(e) => void patch(person, { role: e.target.value as Role })}
                    >
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`locales-${person.id}`}>
                      {t('staff.localesOf', { name: person.name })}
                    </label>
                    <input
                      id={`locales-${person.id}`}
                      defaultValue={person.locales.join(', ')}
                      size={10}
                      onBlur={(e) => {
                        const locales = parseLocales(e.target.value);
                        if (locales.join(',') !== person.locales.join(',')) void patch(person, { locales });
                      }}
                    />
                  </td>
                  <td>{date(person.createdAt)}</td>
                  <td>{person.status === 'deactivated' ? t('staff.statusDeactivated') : t('staff.statusActive')}</td>
                  <td>
                    {person.id === me.id ? null : (
                      <div className="actions">
                        {person.status === 'deactivated' ? (
                          <button type="button" className="button" onClick={() => void reactivate(person)}>
                            {t('staff.reactivate')}
                          </button>
                        ) : (
                          <button type="button" className="button" onClick={() => setConfirming({ person, move: 'deactivate' })}>
                            {t('staff.deactivate')}
                          </button>
                        )}
                        <button type="button" className="button button--danger" onClick={() => setConfirming({ person, move: 'delete' })}>
                          {t('staff.delete')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : list.loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
      {confirming ? (
        <ConfirmLifecycle
          person={confirming.person}
          move={confirming.move}
          onClose={() => setConfirming(null)}
          onDone={(updated) => {
            setConfirming(null);
            setRowError(null);
            if (updated) setChanged((c) => ({ ...c, [updated.id]: updated }));
            else {
              setNotice(t('staff.deleted', { name: confirming.person.name }));
              list.reload();
            }
          }}
        />
      ) : null}
      <AddStaff onAdded={list.reload} />
    </section>
  );
}

/** Deactivating or deleting someone asks first and says what follows (sessions end, keys revoked). */
function ConfirmLifecycle({
  person,
  move,
  onClose,
  onDone,
}: {
  person: Staff;
  move: 'deactivate' | 'delete';
  onClose(): void;
  onDone(updated: Staff | null): void;
}) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const confirm = () =>
    run(async () => {
      if (move === 'deactivate') onDone(await staffApi.deactivate(person.id));
      else {
        await staffApi.remove(person.id);
        onDone(null);
      }
    });
  return (
    <Dialog title={move === 'delete' ? t('staff.deleteTitle', { name: person.name }) : t('staff.deactivate')} onClose={onClose}>
      <p>{move === 'delete' ? t('staff.deleteConfirm') : t('staff.deactivateConfirm', { name: person.name })}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {move === 'delete' ? t('staff.delete') : t('staff.deactivate')}
        </button>
      </div>
    </Dialog>
  );
}

function AddStaff({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('writer');
  const [locales, setLocales] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    await run(async () => {
      const parsed = parseLocales(locales);
      await staffApi.create({ name: name.trim(), email: email.trim(), role, password, ...(parsed.length > 0 && { locales: parsed }) });
      setDone(t('staff.added', { name: name.trim() }));
      setName('');
      setEmail('');
      setLocales('');
      setPassword('');
      onAdded();
    });
  };

  return (
    <section className="panel" aria-labelledby="add-staff">
      <h2 id="add-staff">{t('staff.add')}</h2>
      <form className="grid-form" onSubmit={(event) => void submit(event)}>
        <TextField label={t('field.name')} value={name} onValue={setName} required autoComplete="off" />
        <TextField label={t('field.email')} type="email" value={email} onValue={setEmail} required autoComplete="off" />
        <SelectField
          label={t('field.role')}
          value={role}
          onValue={(v) => setRole(v as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))}
        />
        <TextField label={t('field.locales')} value={locales} onValue={setLocales} hint={t('staff.localesHint')} />
        <TextField
          label={t('staff.initialPassword')}
          type="password"
          value={password}
          onValue={setPassword}
          required
          autoComplete="new-password"
          hint={t('staff.initialPasswordHint')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('staff.addButton')}
          </button>
        </div>
      </form>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
    </section>
  );
}
