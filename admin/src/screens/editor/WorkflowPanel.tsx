import { useState, type FormEvent } from 'react';
import { storiesApi } from '../../api/endpoints';
import type { StoryStatus, Translation } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { STATUS_KEYS } from '../../app/labels';
import { actorOf, useStaff } from '../../app/session';
import { allowedMoves, type WorkflowSubject } from '../../../../src/modules/newsroom/editorial/workflow';
import { storyPath } from '../../../../src/modules/content/story-paths';
import { fromLocalInput, toLocalInput } from '../../util/dates';
import { useAction } from '../../util/use-action';

/** The public address of a published translation (the reader site's URL contract). */
export function publicPath(translation: Translation): string | null {
  if (translation.status !== 'published' || !translation.publishedAt || !translation.slug) return null;
  const at = new Date(translation.publishedAt);
  return Number.isNaN(at.getTime()) ? null : storyPath(translation.locale, at, translation.slug);
}

interface Props {
  translation: Translation;
  /** Saves pending edits first; a transition never runs on unsaved text. */
  flush(): Promise<boolean>;
  /** The version the saved text has now (it changes with every save). */
  version(): number;
  onChanged(translation: Translation): void;
}

/** A move's button, by target status, or by "from>to" where the same target reads differently. */
const LABELS: Partial<Record<string, MessageKey>> = {
  in_review: 'workflow.submit',
  published: 'workflow.publish',
  'scheduled>published': 'workflow.publishNow',
  'unpublished>published': 'workflow.republish',
  scheduled: 'workflow.schedule',
  unpublished: 'workflow.unpublish',
  draft: 'workflow.toDraft',
  'in_review>draft': 'workflow.withdraw',
  'scheduled>draft': 'workflow.cancelSchedule',
};

/** The workflow's view of a translation. Owners the answer does not name: assume the viewer (the server decides). */
function subjectOf(translation: Translation, staffId: string): WorkflowSubject {
  const owners = [translation.story?.createdBy, translation.createdBy].filter((v): v is string => typeof v === 'string');
  return {
    status: translation.status,
    locale: translation.locale,
    isOriginal: translation.isOriginal !== false,
    ownerStaffIds: owners.length > 0 ? owners : [staffId],
  };
}

/**
 * The moves of the editorial workflow (src/modules/newsroom/editorial/workflow.ts, the same rules
 * the server applies) that this person may make from the current status, as buttons.
 */
export function WorkflowPanel({ translation, flush, version, onChanged }: Props) {
  const { t, dateTime } = useI18n();
  const staff = useStaff();
  const actor = actorOf(staff);
  const { busy, error, setError, run } = useAction();
  const [scheduling, setScheduling] = useState(false);
  const status = translation.status;
  const moves = allowedMoves(actor, subjectOf(translation, staff.id));

  const move = async (to: StoryStatus, publishAt?: string) => {
    await run(async () => {
      if (!(await flush())) {
        setError(t('workflow.saveFirst'));
        return;
      }
      onChanged(await storiesApi.transition(translation.id, to, version(), publishAt));
      setScheduling(false);
    });
  };

  const actions = moves.map((to) => {
    const label = LABELS[`${status}>${to}`] ?? LABELS[to];
    return {
      key: to,
      label: t(label ?? 'workflow.publish'),
      primary: to === 'published' || (to === 'in_review' && !moves.includes('published')),
      run: () => (to === 'scheduled' ? setScheduling(true) : void move(to)),
    };
  });

  const when = status === 'scheduled' ? translation.publishedAt : null;
  const path = publicPath(translation);

  return (
    <section className="panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <p>
        <span className={`status status--${status}`} data-status={status}>
          {STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status}
        </span>
        {status === 'scheduled' && when ? <> {t('workflow.scheduledFor', { when: dateTime(when) })}</> : null}
        {status === 'published' && translation.publishedAt ? (
          <> {t('workflow.publishedAt', { when: dateTime(translation.publishedAt) })}</>
        ) : null}
      </p>
      {path ? (
        <p>
          <a href={path} className="view-link" target="_blank" rel="noopener">
            {t('workflow.view')}
          </a>
        </p>
      ) : null}
      {actions.length > 0 ? (
        <div className="actions">
          {actions.map((a) => (
            <button key={a.key} type="button" className={a.primary ? 'button button--primary' : 'button'} disabled={busy} onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      ) : (
        <p className="field__hint">{t('workflow.nothing')}</p>
      )}
      {busy ? <p role="status">{t('common.working')}</p> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {scheduling ? (
        <ScheduleDialog busy={busy} onSchedule={(at) => void move('scheduled', at)} onClose={() => setScheduling(false)} error={error} />
      ) : null}
    </section>
  );
}

function ScheduleDialog({
  busy,
  error,
  onSchedule,
  onClose,
}: {
  busy: boolean;
  error: string | null;
  onSchedule(iso: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(() => toLocalInput(new Date(Date.now() + 3_600_000)));
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = fromLocalInput(value);
    if (!at) {
      setInvalid(t('workflow.scheduleInvalid'));
      return;
    }
    onSchedule(at.toISOString());
  };
  return (
    <Dialog title={t('workflow.scheduleTitle')} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <TextField
          label={t('workflow.scheduleAt')}
          type="datetime-local"
          value={value}
          onValue={setValue}
          required
          error={invalid}
          hint={t('workflow.scheduleZone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('workflow.schedule')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
