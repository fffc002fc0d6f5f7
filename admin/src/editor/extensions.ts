/**
 * The editor's schema: StarterKit's marks and basic blocks, minus what the document schema has no
 * place for (code, code blocks, rules, h1/h5/h6), plus our structure and story nodes.
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isAcceptedLinkHref } from './link-policy';
import { StoryBlockquote, StoryListItem } from './structure-nodes';
import { EditorsInsert, PaywallBreak, PullQuote, StoryImage, VideoEmbed } from './story-nodes';

export interface StoryExtensionOptions {
  /** The paywall marker's text in the editor. */
  paywallLabel?: string;
}

export function storyExtensions(options: StoryExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow' },
        isAllowedUri: (url) => isAcceptedLinkHref(url),
      },
    }),
    StoryBlockquote,
    StoryListItem,
    PullQuote,
    StoryImage,
    VideoEmbed,
    EditorsInsert,
    PaywallBreak.configure(options.paywallLabel ? { label: options.paywallLabel } : {}),
  ];
}
