import { useId, useState, type FormEvent } from 'react';
import { mediaApi } from '../../api/endpoints';
import type { MediaImage } from '../../api/types';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { useAction } from '../../util/use-action';

export interface Uploaded {
  image: MediaImage;
  alt: string;
  caption: string;
  credit: string;
}

/** POST /media: the file with its alt text (required), caption and credit, in the story's language. */
export function UploadForm({
  locale,
  onUploaded,
  submitLabel,
}: {
  locale: string;
  onUploaded(result: Uploaded): void;
  submitLabel?: string;
}) {
  const { t } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [photographer, setPhotographer] = useState('');
  const [agency, setAgency] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!file) return;
    await run(async () => {
      const image = await mediaApi.upload({
        file,
        alt: alt.trim(),
        caption: caption.trim() || undefined,
        creditPhotographer: photographer.trim() || undefined,
        creditAgency: agency.trim() || undefined,
        locale,
      });
      const credit = [photographer.trim(), agency.trim()].filter(Boolean).join(' / ');
      onUploaded({ image, alt: alt.trim(), caption: caption.trim(), credit });
    });
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <div className="field">
        <label htmlFor={fileId}>{t('media.file')}</label>
        <input
          id={fileId}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <TextField label={t('media.alt')} value={alt} onValue={setAlt} required hint={t('media.altHint')} lang={locale} />
      <TextField label={t('media.caption')} value={caption} onValue={setCaption} lang={locale} />
      <div className="row">
        <TextField label={t('media.photographer')} value={photographer} onValue={setPhotographer} />
        <TextField label={t('media.agency')} value={agency} onValue={setAgency} />
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !file || alt.trim() === ''}>
          {busy ? t('media.uploading') : (submitLabel ?? t('media.upload'))}
        </button>
      </div>
    </form>
  );
}
