import { useState, type FormEvent } from 'react';
import { staffApi } from '../../api/endpoints';
import type { Role, Staff } from '../../api/types';
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
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Admins: everyone in the newsroom, their roles and (for translators) languages; add someone. */
export function StaffScreen() {
  const { t, date } = useI18n();
  const me = useStaff();
  const list = useAsync(() => staffApi.list(), []);
  const [changed, setChanged] = useState<Record<string, Staff>>({});
  const [rowError, setRowError] = useState<string | null>(null);
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
      {list.data ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.email')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('field.locales')}</th>
              <th scope="col">{t('staff.since')}</th>
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
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : list.loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
      <AddStaff onAdded={list.reload} />
    </section>
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
      <form className="grid-form" onSubmit={submit}>
        <TextField label={t('field.name')} value={name} onValue={setName} required autoComplete="off" />
        <TextField label={t('field.email')} type="email" value={email} onValue={setEmail} required autoComplete="off" />
        <SelectField label={t('field.role')} value={role} onValue={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))} />
        <TextField label={t('field.locales')} value={locales} onValue={setLocales} hint={t('staff.localesHint')} />
        <TextField label={t('staff.initialPassword')} type="password" value={password} onValue={setPassword} required autoComplete="new-password" hint={t('staff.initialPasswordHint')} />
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
