/**
 * The newsroom's own nodes, named and shaped exactly as in the document schema
 * (src/modules/content/document/document-schema.ts): pullQuote, image, videoEmbed, editorsInsert,
 * paywallBreak. Attributes are never rendered as HTML attributes by TipTap (rendered: false); each
 * node draws itself, with no style="" anywhere (the CSP forbids inline styles).
 */
import { Node, mergeAttributes, type Attribute, type CommandProps } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { VideoProvider } from '../../../src/modules/content/document/url-policy';

export interface StoryImageAttrs {
  src: string;
  alt: string;
  caption?: string | null;
  credit?: string | null;
  width?: number | null;
  height?: number | null;
  imageId?: string | null;
}

export interface VideoEmbedAttrs {
  provider: VideoProvider;
  videoId: string;
  title?: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    storyBlockquote: {
      setBlockquote: () => ReturnType;
      toggleBlockquote: () => ReturnType;
      unsetBlockquote: () => ReturnType;
    };
    pullQuote: {
      togglePullQuote: () => ReturnType;
      setPullQuoteAttribution: (attribution: string) => ReturnType;
    };
    storyImage: {
      insertStoryImage: (attrs: StoryImageAttrs) => ReturnType;
      updateStoryImage: (attrs: Partial<StoryImageAttrs>) => ReturnType;
    };
    videoEmbed: {
      insertVideoEmbed: (attrs: VideoEmbedAttrs) => ReturnType;
    };
    editorsInsert: {
      insertEditorsInsert: (text: string) => ReturnType;
    };
    paywallBreak: {
      insertPaywallBreak: () => ReturnType;
    };
  }
}

/** A plain attribute kept in the node's JSON, never written to the DOM by TipTap itself. */
function attr(fallback: unknown): Attribute {
  return { default: fallback, rendered: false };
}

/**
 * Inserts a block atom (image, video, paywall break) at the cursor and puts the cursor in the
 * paragraph after it (made when there is none), so the next thing typed or inserted follows it
 * instead of replacing it.
 */
function insertAtomBlock({ chain }: CommandProps, type: string, attrs?: Record<string, unknown>): boolean {
  return chain()
    .insertContent(attrs ? { type, attrs } : { type })
    .command(({ tr, state, dispatch }) => {
      if (!dispatch) return true;
      const selection = tr.selection;
      let after = selection.to;
      if (!(selection instanceof NodeSelection)) {
        const before = tr.doc.resolve(selection.from).nodeBefore;
        if (before?.type.name !== type) return true;
      }
      const next = tr.doc.resolve(after).nodeAfter;
      if (!next?.isTextblock) tr.insert(after, state.schema.nodes.paragraph!.create());
      after += 1;
      tr.setSelection(TextSelection.create(tr.doc, after));
      return true;
    })
    .run();
}

function dataAttr(element: HTMLElement, name: string): string | null {
  const value = element.getAttribute(`data-${name}`);
  return value === null || value === '' ? null : value;
}

function positiveInt(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      attribution: { ...attr(null), parseHTML: (el) => dataAttr(el, 'attribution') },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="pull-quote"]', contentElement: 'p' }];
  },

  renderHTML({ node }) {
    const attribution = typeof node.attrs.attribution === 'string' ? node.attrs.attribution : '';
    // The attribution is drawn by CSS (::after from data-attribution), outside the editable text.
    return ['figure', { class: 'pull-quote', 'data-type': 'pull-quote', 'data-attribution': attribution }, ['p', 0]];
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands, editor }) =>
          editor.isActive(this.name) ? commands.setNode('paragraph') : commands.setNode(this.name),
      setPullQuoteAttribution:
        (attribution) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { attribution: attribution.trim() === '' ? null : attribution.trim() }),
    };
  },
});

export const StoryImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: attr(''),
      alt: attr(''),
      caption: attr(null),
      credit: attr(null),
      width: attr(null),
      height: attr(null),
      imageId: attr(null),
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="story-image"]',
        getAttrs: (el) => {
          const img = el.querySelector('img');
          if (!img) return false;
          return {
            src: img.getAttribute('src') ?? '',
            alt: img.getAttribute('alt') ?? '',
            caption: dataAttr(el, 'caption'),
            credit: dataAttr(el, 'credit'),
            width: positiveInt(img.getAttribute('width')),
            height: positiveInt(img.getAttribute('height')),
            imageId: dataAttr(el, 'image-id'),
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as StoryImageAttrs;
    const img: Record<string, string> = { src: a.src, alt: a.alt ?? '' };
    if (a.width) img.width = String(a.width);
    if (a.height) img.height = String(a.height);
    const figure = {
      class: 'story-image',
      'data-type': 'story-image',
      'data-caption': a.caption ?? '',
      'data-credit': a.credit ?? '',
      'data-image-id': a.imageId ?? '',
    };
    const caption = [a.caption, a.credit].filter((s) => typeof s === 'string' && s !== '').join(' · ');
    return caption === '' ? ['figure', figure, ['img', img]] : ['figure', figure, ['img', img], ['figcaption', {}, caption]];
  },

  addCommands() {
    return {
      insertStoryImage: (attrs) => (props) => insertAtomBlock(props, this.name, { ...attrs }),
      updateStoryImage:
        (attrs) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, attrs),
    };
  },
});

const PROVIDER_NAMES: Record<VideoProvider, string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return { provider: attr('youtube'), videoId: attr(''), title: attr(null) };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="video-embed"]',
        getAttrs: (el) => ({
          provider: dataAttr(el, 'provider') ?? 'youtube',
          videoId: dataAttr(el, 'video-id') ?? '',
          title: dataAttr(el, 'title'),
        }),
      },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as VideoEmbedAttrs;
    const label = `▶ ${PROVIDER_NAMES[a.provider] ?? a.provider} · ${a.title || a.videoId}`;
    return [
      'figure',
      {
        class: 'video-embed',
        'data-type': 'video-embed',
        'data-provider': a.provider,
        'data-video-id': a.videoId,
        'data-title': a.title ?? '',
      },
      ['span', { class: 'video-embed__label' }, label],
    ];
  },

  addCommands() {
    return {
      insertVideoEmbed: (attrs) => (props) => insertAtomBlock(props, this.name, { ...attrs }),
    };
  },
});

export const EditorsInsert = Node.create({
  name: 'editorsInsert',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return { text: attr('') };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="editors-insert"]', getAttrs: (el) => ({ text: dataAttr(el, 'text') ?? '' }) }];
  },

  renderHTML({ node }) {
    const text = String(node.attrs.text ?? '');
    return ['span', { class: 'editors-insert', 'data-type': 'editors-insert', 'data-text': text }, `[${text}]`];
  },

  renderText({ node }) {
    return `[${String(node.attrs.text ?? '')}]`;
  },

  addCommands() {
    return {
      insertEditorsInsert:
        (text) =>
        ({ commands }) =>
          text.trim() !== '' && commands.insertContent({ type: this.name, attrs: { text: text.trim() } }),
    };
  },
});

export function hasPaywallBreak(doc: PmNode): boolean {
  let found = false;
  doc.forEach((child) => {
    if (child.type.name === 'paywallBreak') found = true;
  });
  return found;
}

export interface PaywallBreakOptions {
  /** What the marker says in the editor ("Preview ends here"). */
  label: string;
  HTMLAttributes: Record<string, string>;
}

/** Where the free preview ends. The schema allows one; a second (pasted, dropped) is removed. */
export const PaywallBreak = Node.create<PaywallBreakOptions>({
  name: 'paywallBreak',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { label: 'Preview ends here', HTMLAttributes: {} };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="paywall-break"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: 'paywall-break', 'data-type': 'paywall-break' }),
      ['span', { class: 'paywall-break__label' }, this.options.label],
    ];
  },

  addCommands() {
    return {
      insertPaywallBreak: () => (props) => !hasPaywallBreak(props.state.doc) && insertAtomBlock(props, this.name),
    };
  },

  addProseMirrorPlugins() {
    return [onePaywallBreak(this.name)];
  },
});

/** Removes every paywall break after the first, whatever put it there (paste, drop, undo). */
export function onePaywallBreak(name = 'paywallBreak'): Plugin {
  return new Plugin({
    key: new PluginKey('onePaywallBreak'),
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const extra: number[] = [];
      let seen = false;
      state.doc.forEach((child, offset) => {
        if (child.type.name !== name) return;
        if (seen) extra.push(offset);
        seen = true;
      });
      if (extra.length === 0) return null;
      const tr = state.tr;
      for (const pos of extra.reverse()) tr.delete(pos, pos + 1);
      return tr;
    },
  });
}
