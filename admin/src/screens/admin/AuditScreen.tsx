import { useState } from 'react';
import { staffApi } from '../../api/endpoints';
import { describeError } from '../../components/errors';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../util/use-async';
import { auditActorText } from './audit-actor';

/** Admins: who did what, newest first (GET /audit?page=N). */
export function AuditScreen() {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  const audit = useAsync(() => staffApi.audit(page), [page]);

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      {audit.error ? <Notice kind="error">{describeError(t, audit.error)}</Notice> : null}
      {audit.data && audit.data.items.length === 0 ? <p className="empty">{t('audit.none')}</p> : null}
      {audit.data && audit.data.items.length > 0 ? (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{dateTime(entry.at)}</td>
                  <td>{auditActorText(entry.actor, (id) => t('audit.apiKey', { id }))}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.subject.kind} <code>{entry.subject.id}</code>
                  </td>
                  <td>
                    {Object.keys(entry.details).length > 0 ? <code className="audit__details">{JSON.stringify(entry.details)}</code> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}
