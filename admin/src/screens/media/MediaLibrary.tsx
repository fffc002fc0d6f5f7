import { useState } from 'react';
import { mediaApi } from '../../api/endpoints';
import type { MediaImage } from '../../api/types';
import { describeError } from '../../components/errors';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { imageTexts, thumbnailSrc } from '../../util/names';
import { useAsync } from '../../util/use-async';

/** GET /media: search and pick an image already in the library. */
export function MediaLibrary({ locale, onPick }: { locale: string; onPick(image: MediaImage): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const [page, setPage] = useState(1);
  const media = useAsync((signal) => mediaApi.list(applied, page, signal), [applied, page]);

  return (
    <div className="stack">
      <form
        role="search"
        className="row row--end"
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setApplied(q.trim());
          setPage(1);
        }}
      >
        <TextField label={t('media.search')} type="search" value={q} onValue={setQ} />
        <button type="submit" className="button">
          {t('media.searchButton')}
        </button>
      </form>
      {media.error ? <Notice kind="error">{describeError(t, media.error)}</Notice> : null}
      {media.loading && !media.data ? <p role="status">{t('common.loading')}</p> : null}
      {media.data && media.data.items.length === 0 ? <p className="empty">{t('media.none')}</p> : null}
      <ul className="media-grid">
        {(media.data?.items ?? []).map((image) => {
          const { alt, caption } = imageTexts(image, locale);
          const src = thumbnailSrc(image);
          return (
            <li key={image.id}>
              <button type="button" className="media-grid__item" onClick={() => onPick(image)}>
                {src ? <img src={src} alt="" loading="lazy" /> : <span className="media-grid__missing">?</span>}
                <span>{alt || caption || image.id}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {media.data ? <Pagination page={media.data.page} pageSize={media.data.pageSize} total={media.data.total} onPage={setPage} /> : null}
    </div>
  );
}
