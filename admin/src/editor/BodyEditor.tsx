/**
 * The story body: TipTap with the schema's extensions, a toolbar, and the dialogs it opens. Reports
 * every change as a schema document (toStoryDocument). The initial value is read once; to show
 * different content (a restored revision, a reload), the parent remounts it with a new key.
 */
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { StoryDocument } from '../api/types';
import { textDirection } from '../../../src/modules/editions/text-direction';
import { fromStoryDocument, toStoryDocument } from './document-convert';
import { EditImageDialog, ImageDialog, LinkDialog, TextDialog, VideoDialog } from './EditorDialogs';
import { storyExtensions } from './extensions';
import { hasPaywallBreak, type StoryImageAttrs } from './story-nodes';

export interface BodyEditorProps {
  value: StoryDocument;
  onChange?(doc: StoryDocument): void;
  /** The accessible name of the editing area. */
  label: string;
  /** The story's language: lang and dir of the text, and of uploaded images' texts. */
  locale: string;
  editable?: boolean;
}

type Open = null | 'link' | 'video' | 'insert' | 'attribution' | 'image' | 'editImage';

export function BodyEditor({ value, onChange, label, locale, editable = true }: BodyEditorProps) {
  const { t } = useI18n();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [open, setOpen] = useState<Open>(null);

  const editor = useEditor({
    extensions: storyExtensions({ paywallLabel: t('editor.paywallLabel') }),
    content: fromStoryDocument(value),
    editable,
    // TipTap would add a <style> element; the CSP forbids inline styles, so its rules are in styles.css.
    injectCSS: false,
    editorProps: {
      attributes: {
        class: editable ? 'prose body-editor__content' : 'prose body-editor__content body-editor__content--readonly',
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        lang: locale,
        dir: textDirection(locale),
        ...(editable ? {} : { 'aria-readonly': 'true' }),
      },
    },
    onUpdate: ({ editor: e }) => onChangeRef.current?.(toStoryDocument(e.getJSON())),
  });

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const close = () => {
    setOpen(null);
    editor?.commands.focus();
  };

  return (
    <div className={editable ? 'body-editor' : 'body-editor body-editor--readonly'}>
      {editable && editor ? <Toolbar editor={editor} onOpen={setOpen} /> : null}
      <EditorContent editor={editor} />
      {editor && open === 'link' ? (
        <LinkDialog
          initial={String(editor.getAttributes('link').href ?? '')}
          onApply={(href) => {
            editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
            setOpen(null);
          }}
          onRemove={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
      {editor && open === 'video' ? (
        <VideoDialog
          onInsert={(attrs) => {
            editor.chain().focus().insertVideoEmbed(attrs).run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
      {editor && open === 'insert' ? (
        <TextDialog
          title={t('editor.insertTitle')}
          label={t('editor.insertText')}
          hint={t('editor.insertHint')}
          onSubmit={(text) => {
            editor.chain().focus().insertEditorsInsert(text).run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
      {editor && open === 'attribution' ? (
        <TextDialog
          title={t('editor.attributionTitle')}
          label={t('editor.attribution')}
          initial={String(editor.getAttributes('pullQuote').attribution ?? '')}
          allowEmpty
          onSubmit={(text) => {
            editor.chain().focus().setPullQuoteAttribution(text).run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
      {editor && open === 'image' ? (
        <ImageDialog
          locale={locale}
          onInsert={(attrs) => {
            editor.chain().focus().insertStoryImage(attrs).run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
      {editor && open === 'editImage' ? (
        <EditImageDialog
          attrs={editor.getAttributes('image') as StoryImageAttrs}
          onSave={(attrs) => {
            editor.chain().focus().updateStoryImage(attrs).run();
            setOpen(null);
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

interface ToolState {
  paragraph: boolean;
  h2: boolean;
  h3: boolean;
  h4: boolean;
  bulletList: boolean;
  orderedList: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  link: boolean;
  blockquote: boolean;
  pullQuote: boolean;
  imageSelected: boolean;
  hasPaywall: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function Toolbar({ editor, onOpen }: { editor: Editor; onOpen(open: Open): void }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): ToolState => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      link: e.isActive('link'),
      blockquote: e.isActive('blockquote'),
      pullQuote: e.isActive('pullQuote'),
      imageSelected: e.state.selection instanceof NodeSelection && e.state.selection.node.type.name === 'image',
      hasPaywall: hasPaywallBreak(e.state.doc),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  // One tab stop for the whole toolbar; arrow keys, Home and End move between its buttons.
  const [current, setCurrent] = useState('p');
  const buttonsOf = (toolbar: HTMLElement) => [...toolbar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = buttonsOf(event.currentTarget);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 || buttons.length === 0) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -at, End: buttons.length - 1 - at }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };
  const rememberFocus = (event: FocusEvent<HTMLDivElement>) => {
    const key = (event.target as HTMLElement).dataset.key;
    if (key) setCurrent(key);
  };

  // The tab stop stays on a button that is there and enabled (or falls back to the first one).
  const unavailable: Record<string, boolean> = {
    paywall: state.hasPaywall,
    undo: !state.canUndo,
    redo: !state.canRedo,
    attribution: !state.pullQuote,
    editImage: !state.imageSelected,
  };
  const tabStop = unavailable[current] ? 'p' : current;

  const run = (fn: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => fn(editor.chain().focus()).run();

  const button = (
    key: string,
    label: MessageKey,
    action: () => void,
    options: { pressed?: boolean; disabled?: boolean; shortcut?: string; text?: string } = {},
  ) => (
    <button
      key={key}
      data-key={key}
      type="button"
      tabIndex={key === tabStop ? 0 : -1}
      className="toolbar__button"
      aria-pressed={options.pressed}
      disabled={options.disabled}
      title={options.shortcut ? `${t(label)} (${options.shortcut})` : t(label)}
      aria-label={t(label)}
      onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
      onClick={action}
    >
      {options.text ?? t(label)}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} onKeyDown={moveFocus} onFocus={rememberFocus}>
      <div className="toolbar__group">
        {button(
          'p',
          'editor.paragraph',
          run((c) => c.setParagraph()),
          { pressed: state.paragraph, text: '¶' },
        )}
        {button(
          'h2',
          'editor.heading2',
          run((c) => c.toggleHeading({ level: 2 })),
          { pressed: state.h2, text: 'H2' },
        )}
        {button(
          'h3',
          'editor.heading3',
          run((c) => c.toggleHeading({ level: 3 })),
          { pressed: state.h3, text: 'H3' },
        )}
        {button(
          'h4',
          'editor.heading4',
          run((c) => c.toggleHeading({ level: 4 })),
          { pressed: state.h4, text: 'H4' },
        )}
      </div>
      <div className="toolbar__group">
        {button(
          'b',
          'editor.bold',
          run((c) => c.toggleBold()),
          { pressed: state.bold, shortcut: 'Ctrl+B', text: 'B' },
        )}
        {button(
          'i',
          'editor.italic',
          run((c) => c.toggleItalic()),
          { pressed: state.italic, shortcut: 'Ctrl+I', text: 'I' },
        )}
        {button(
          'u',
          'editor.underline',
          run((c) => c.toggleUnderline()),
          { pressed: state.underline, shortcut: 'Ctrl+U', text: 'U' },
        )}
        {button(
          's',
          'editor.strike',
          run((c) => c.toggleStrike()),
          { pressed: state.strike, shortcut: 'Ctrl+Shift+S', text: 'S' },
        )}
        {button('link', 'editor.link', () => onOpen('link'), { pressed: state.link })}
      </div>
      <div className="toolbar__group">
        {button(
          'ul',
          'editor.bulletList',
          run((c) => c.toggleBulletList()),
          { pressed: state.bulletList, text: '•' },
        )}
        {button(
          'ol',
          'editor.orderedList',
          run((c) => c.toggleOrderedList()),
          { pressed: state.orderedList, text: '1.' },
        )}
        {button(
          'quote',
          'editor.blockquote',
          run((c) => c.toggleBlockquote()),
          { pressed: state.blockquote },
        )}
        {button(
          'pull',
          'editor.pullQuote',
          run((c) => c.togglePullQuote()),
          { pressed: state.pullQuote },
        )}
        {state.pullQuote ? button('attribution', 'editor.attribution', () => onOpen('attribution')) : null}
      </div>
      <div className="toolbar__group">
        {button('image', 'editor.image', () => onOpen('image'))}
        {state.imageSelected ? button('editImage', 'editor.imageEdit', () => onOpen('editImage')) : null}
        {button('video', 'editor.video', () => onOpen('video'))}
        {button('insert', 'editor.editorsInsert', () => onOpen('insert'))}
        {button(
          'paywall',
          'editor.paywallBreak',
          run((c) => c.insertPaywallBreak()),
          { disabled: state.hasPaywall },
        )}
      </div>
      <div className="toolbar__group">
        {button(
          'undo',
          'editor.undo',
          run((c) => c.undo()),
          { disabled: !state.canUndo, shortcut: 'Ctrl+Z', text: '↶' },
        )}
        {button(
          'redo',
          'editor.redo',
          run((c) => c.redo()),
          { disabled: !state.canRedo, shortcut: 'Ctrl+Shift+Z', text: '↷' },
        )}
      </div>
    </div>
  );
}
