import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import type { StoryDocument } from '../../../src/modules/content/document/document-schema';
import { validateDocument } from '../../../src/modules/content/document/validate-document';
import { fromStoryDocument, toStoryDocument } from './document-convert';
import { storyExtensions } from './extensions';

const schema = getSchema(storyExtensions());

/** What the editor holds for a document: parsed by the editor's schema (defaults filled in) and back. */
function throughEditor(doc: StoryDocument): JSONContent {
  const node = PmNode.fromJSON(schema, fromStoryDocument(doc));
  node.check(); // the editor's content rules accept it
  return node.toJSON() as JSONContent;
}

/** Every node type, mark and attribute of the document schema. */
const FULL: StoryDocument = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain, ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' italic', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' underline', marks: [{ type: 'underline' }] },
        { type: 'text', text: ' strike', marks: [{ type: 'strike' }] },
        { type: 'text', text: ' link', marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=c' } }] },
        {
          type: 'text',
          text: ' titled',
          marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.org', title: 'Write to us' } }, { type: 'bold' }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: '"He was born' },
        { type: 'editorsInsert', attrs: { text: 'in Algeria' } },
        { type: 'text', text: ' in 1950."' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two' }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Three' }] },
    { type: 'heading', attrs: { level: 4 } },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'two' }] },
            {
              type: 'orderedList',
              content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }] }],
            },
          ],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }] }],
    },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Quoted.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Twice.' }] },
      ],
    },
    { type: 'pullQuote', attrs: { attribution: 'A fisherman' }, content: [{ type: 'text', text: 'The sea gives.' }] },
    { type: 'pullQuote', content: [{ type: 'text', text: 'Unattributed.' }] },
    {
      type: 'image',
      attrs: {
        src: '/media/abc123.webp',
        alt: 'Boats',
        caption: 'Boats at dawn.',
        credit: 'Deniz Aksoy / Anka Wire',
        width: 1200,
        height: 675,
        imageId: 'img_1',
      },
    },
    { type: 'image', attrs: { src: 'https://images.example.org/x.jpg', alt: '' } },
    { type: 'paywallBreak' },
    { type: 'videoEmbed', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Harbour at night' } },
    { type: 'videoEmbed', attrs: { provider: 'vimeo', videoId: '76979871' } },
    { type: 'paragraph' },
    { type: 'paragraph', content: [{ type: 'text', text: 'The end.' }] },
  ],
};

describe('editor JSON ⇄ story document', () => {
  it('the full document is valid for the API', () => {
    expect(validateDocument(FULL)).toMatchObject({ ok: true });
  });

  it('survives a round trip through the editor unchanged', () => {
    expect(toStoryDocument(throughEditor(FULL))).toEqual(FULL);
  });

  it("strips TipTap's own attributes: link target/rel/class, ordered-list type and start 1, null image fields", () => {
    const editorJson = throughEditor({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.example' } }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'image', attrs: { src: '/media/a.webp', alt: 'A' } },
      ],
    });
    // The editor's own form carries extra attributes the schema refuses.
    const link = editorJson.content?.[0]?.content?.[0]?.marks?.[0];
    expect(link?.attrs).toMatchObject({ href: 'https://a.example', rel: 'noopener noreferrer nofollow' });
    expect(editorJson.content?.[1]?.attrs).toEqual({ start: 1, type: null });
    expect(editorJson.content?.[2]?.attrs).toMatchObject({ caption: null, width: null });
    expect(validateDocument(editorJson)).toMatchObject({ ok: false });

    const doc = toStoryDocument(editorJson);
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://a.example' } }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'image', attrs: { src: '/media/a.webp', alt: 'A' } },
      ],
    });
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });

  it('keeps only what the schema allows from hostile or foreign input, and the result validates', () => {
    const messy: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { textAlign: 'center' },
          content: [
            { type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'code' }] },
            { type: 'text', text: '' },
            { type: 'editorsInsert', attrs: { text: '   ' } },
            { type: 'text', text: 'dup', marks: [{ type: 'bold' }, { type: 'bold' }] },
          ],
        },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'h1' }] },
        { type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'h6' }] },
        { type: 'image', attrs: { src: 'http://insecure.example/x.jpg', alt: 'x' } },
        { type: 'image', attrs: { src: '/media/../etc/passwd', alt: 'x' } },
        { type: 'videoEmbed', attrs: { provider: 'youtube', videoId: 'short' } },
        { type: 'videoEmbed', attrs: { provider: 'dailymotion', videoId: 'x7' } },
        { type: 'paywallBreak' },
        { type: 'paywallBreak' },
        { type: 'codeBlock', content: [{ type: 'text', text: 'let x = 1;' }] },
        { type: 'horizontalRule' },
        { type: 'blockquote', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'q' }] }] },
        { type: 'bulletList', content: [] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'stray item' }] }] },
        { type: 'paragraph' },
        { type: 'paragraph' },
      ],
    };
    const doc = toStoryDocument(messy);
    expect(validateDocument(doc)).toMatchObject({ ok: true });
    expect(doc.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bad link' },
          { type: 'text', text: 'dup', marks: [{ type: 'bold' }] },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h1' }] },
      { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'h6' }] },
      { type: 'paywallBreak' },
      { type: 'paragraph', content: [{ type: 'text', text: 'let x = 1;' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'stray item' }] },
    ]);
  });

  it('splits text longer than the schema allows into valid pieces', () => {
    const long = 'a'.repeat(45_000);
    const doc = toStoryDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }] });
    const texts = (doc.content[0] as { content: { text: string }[] }).content.map((t) => t.text);
    expect(texts.map((t) => t.length)).toEqual([20_000, 20_000, 5_000]);
    expect(texts.join('')).toBe(long);
    expect(validateDocument(doc)).toMatchObject({ ok: true });
  });

  it('gives an empty story one paragraph to type into, and stores it as an empty document', () => {
    const json = fromStoryDocument({ type: 'doc', content: [] });
    expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(toStoryDocument(json)).toEqual({ type: 'doc', content: [] });
  });

  it('the editor schema uses the document schema names for every node and mark', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'doc',
        'editorsInsert',
        'hardBreak',
        'heading',
        'image',
        'listItem',
        'orderedList',
        'paragraph',
        'paywallBreak',
        'pullQuote',
        'text',
        'videoEmbed',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link', 'strike', 'underline']);
  });
});
