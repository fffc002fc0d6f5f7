/**
 * The small forms the toolbar opens: link, video, editor's insert, pull-quote attribution, image.
 * Each validates what it can before anything reaches the document.
 */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/fields';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/i18n';
import type { MediaImage } from '../api/types';
import { MediaLibrary } from '../screens/media/MediaLibrary';
import { UploadForm, type Uploaded } from '../screens/media/UploadForm';
import { imageCredit, imageSrc, imageTexts } from '../util/names';
import { safeImageSrc } from '../../../src/modules/content/document/url-policy';
import { acceptedLinkHref } from './link-policy';
import type { StoryImageAttrs, VideoEmbedAttrs } from './story-nodes';
import { parseVideoUrl } from './video-url';

function Actions({ onCancel, submit, disabled = false }: { onCancel(): void; submit: string; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

export function LinkDialog({
  initial,
  onApply,
  onRemove,
  onClose,
}: {
  initial: string;
  onApply(href: string): void;
  onRemove(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = acceptedLinkHref(value);
    if (!href) {
      setError(t('editor.linkInvalid'));
      return;
    }
    onApply(href);
  };
  return (
    <Dialog title={t('editor.linkTitle')} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <TextField
          label={t('editor.linkUrl')}
          type="text"
          inputMode="url"
          value={value}
          onValue={setValue}
          error={error}
          hint={t('editor.linkHint')}
          autoFocus
          required
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('editor.linkApply')}
          </button>
          {initial ? (
            <button type="button" className="button" onClick={onRemove}>
              {t('editor.linkRemove')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function VideoDialog({ onInsert, onClose }: { onInsert(attrs: VideoEmbedAttrs): void; onClose(): void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const video = parseVideoUrl(url);
    if (!video) {
      setError(t('editor.videoInvalid'));
      return;
    }
    onInsert({ ...video, title: title.trim() || null });
  };
  return (
    <Dialog title={t('editor.videoTitle')} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <TextField
          label={t('editor.videoUrl')}
          inputMode="url"
          value={url}
          onValue={setUrl}
          error={error}
          hint={t('editor.videoHint')}
          autoFocus
          required
        />
        <TextField label={t('editor.videoCaption')} value={title} onValue={setTitle} maxLength={300} />
        <Actions onCancel={onClose} submit={t('editor.insert')} />
      </form>
    </Dialog>
  );
}

/** One text value: an editor's insert, or a pull quote's attribution. */
export function TextDialog({
  title,
  label,
  hint,
  initial = '',
  allowEmpty = false,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  hint?: string;
  initial?: string;
  allowEmpty?: boolean;
  onSubmit(value: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(value.trim());
        }}
      >
        <TextField label={label} value={value} onValue={setValue} hint={hint} maxLength={300} autoFocus required={!allowEmpty} />
        <Actions onCancel={onClose} submit={t('common.ok')} disabled={!allowEmpty && value.trim() === ''} />
      </form>
    </Dialog>
  );
}

function attrsFor(image: MediaImage, texts: { alt: string; caption: string; credit: string }): StoryImageAttrs | null {
  const src = safeImageSrc(imageSrc(image));
  if (!src) return null;
  return {
    src,
    alt: texts.alt,
    caption: texts.caption || null,
    credit: texts.credit || null,
    width: image.width ?? null,
    height: image.height ?? null,
    imageId: image.id,
  };
}

/** Upload a new image or pick one from the library, then insert it with alt text, caption and credit. */
export function ImageDialog({ locale, onInsert, onClose }: { locale: string; onInsert(attrs: StoryImageAttrs): void; onClose(): void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'upload' | 'library'>('upload');
  const [picked, setPicked] = useState<MediaImage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const insert = (image: MediaImage, texts: { alt: string; caption: string; credit: string }) => {
    const attrs = attrsFor(image, texts);
    if (!attrs) {
      setError(t('editor.imageNoAddress'));
      return;
    }
    onInsert(attrs);
  };

  return (
    <Dialog title={t('editor.imageTitle')} onClose={onClose} wide>
      <div className="tabs" role="group" aria-label={t('editor.imageSource')}>
        <button type="button" className="tab" aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
          {t('editor.imageUpload')}
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          {t('editor.imageLibrary')}
        </button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {tab === 'upload' ? (
        <UploadForm locale={locale} submitLabel={t('editor.imageUploadInsert')} onUploaded={(u: Uploaded) => insert(u.image, u)} />
      ) : picked ? (
        <ImageTextsForm image={picked} locale={locale} onSubmit={(texts) => insert(picked, texts)} onBack={() => setPicked(null)} />
      ) : (
        <MediaLibrary locale={locale} onPick={setPicked} />
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

function ImageTextsForm({
  image,
  locale,
  onSubmit,
  onBack,
}: {
  image: MediaImage;
  locale: string;
  onSubmit(texts: { alt: string; caption: string; credit: string }): void;
  onBack?: () => void;
}) {
  const { t } = useI18n();
  const texts = imageTexts(image, locale);
  const [alt, setAlt] = useState(texts.alt);
  const [caption, setCaption] = useState(texts.caption);
  const [credit, setCredit] = useState(imageCredit(image));
  const src = imageSrc(image);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onSubmit({ alt: alt.trim(), caption: caption.trim(), credit: credit.trim() });
      }}
    >
      {src ? <img className="preview-image" src={src} alt="" /> : null}
      <TextField label={t('media.alt')} value={alt} onValue={setAlt} hint={t('media.altHint')} lang={locale} required />
      <TextField label={t('media.caption')} value={caption} onValue={setCaption} lang={locale} />
      <TextField label={t('media.credit')} value={credit} onValue={setCredit} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={alt.trim() === ''}>
          {t('editor.insert')}
        </button>
        {onBack ? (
          <button type="button" className="button" onClick={onBack}>
            {t('common.back')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Alt text, caption and credit of an image already in the body. */
export function EditImageDialog({
  attrs,
  onSave,
  onClose,
}: {
  attrs: StoryImageAttrs;
  onSave(attrs: Partial<StoryImageAttrs>): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [alt, setAlt] = useState(attrs.alt ?? '');
  const [caption, setCaption] = useState(attrs.caption ?? '');
  const [credit, setCredit] = useState(attrs.credit ?? '');
  return (
    <Dialog title={t('editor.imageEdit')} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ alt: alt.trim(), caption: caption.trim() || null, credit: credit.trim() || null });
        }}
      >
        <img className="preview-image" src={attrs.src} alt="" />
        <TextField label={t('media.alt')} value={alt} onValue={setAlt} hint={t('media.altHint')} required />
        <TextField label={t('media.caption')} value={caption} onValue={setCaption} />
        <TextField label={t('media.credit')} value={credit} onValue={setCredit} />
        <Actions onCancel={onClose} submit={t('common.save')} />
      </form>
    </Dialog>
  );
}
