import { useI18n, type MessageKey } from '../i18n/i18n';
import type { DiffSet } from '../api/types';
import { diffParts } from './diff-parts';

const FIELDS: { key: keyof DiffSet; label: MessageKey }[] = [
  { key: 'title', label: 'field.title' },
  { key: 'dek', label: 'field.dek' },
  { key: 'body', label: 'field.body' },
];

/** The diff the API returns for title, dek and body: removed text struck through, added underlined. */
export function DiffView({ diff }: { diff: DiffSet }) {
  const { t } = useI18n();
  return (
    <div className="diff">
      {FIELDS.map(({ key, label }) => {
        const parts = diffParts(diff[key]);
        return (
          <section key={key} className="diff__field">
            <h4>{t(label)}</h4>
            {parts === null ? (
              <pre className="diff__raw">{JSON.stringify(diff[key], null, 2)}</pre>
            ) : parts.every((p) => p.kind === 'same') ? (
              <p className="diff__none">{t('diff.noChanges')}</p>
            ) : (
              <p className="diff__text">
                {parts.map((p, i) =>
                  p.kind === 'added' ? (
                    <ins key={i}>{p.text}</ins>
                  ) : p.kind === 'removed' ? (
                    <del key={i}>{p.text}</del>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
