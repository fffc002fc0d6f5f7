import { Editor, getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { toStoryDocument } from './document-convert';
import { storyExtensions } from './extensions';
import { onePaywallBreak } from './story-nodes';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function headlessEditor(content: object): Editor {
  return new Editor({ extensions: storyExtensions(), element: null, content });
}

describe('story nodes in the editor', () => {
  it('inserts one paywall break and refuses a second', () => {
    const editor = headlessEditor({ type: 'doc', content: [paragraph('free'), paragraph('paid')] });
    editor.commands.setTextSelection(5);
    expect(editor.commands.insertPaywallBreak()).toBe(true);
    expect(editor.can().insertPaywallBreak()).toBe(false);
    expect(editor.commands.insertPaywallBreak()).toBe(false);
    const types = toStoryDocument(editor.getJSON()).content.map((b) => b.type);
    expect(types.filter((t) => t === 'paywallBreak')).toHaveLength(1);
    editor.destroy();
  });

  it('removes a second paywall break that arrives another way (paste, drop)', () => {
    const schema = getSchema(storyExtensions());
    const doc = PmNode.fromJSON(schema, { type: 'doc', content: [paragraph('a'), { type: 'paywallBreak' }, paragraph('b')] });
    const state = EditorState.create({ schema, doc, plugins: [onePaywallBreak()] });
    const pasted = state.tr.insert(state.doc.content.size, schema.nodes.paywallBreak!.create());
    const next = state.apply(pasted);
    expect(next.doc.toJSON().content.map((n: { type: string }) => n.type)).toEqual(['paragraph', 'paywallBreak', 'paragraph']);
  });

  it("writes an editor's insert, a pull quote with attribution, an image and a video in the schema's form", () => {
    const editor = headlessEditor({ type: 'doc', content: [paragraph('He said')] });
    editor.commands.setTextSelection(8);
    editor.commands.insertEditorsInsert('  in Algeria ');
    editor.commands.togglePullQuote();
    editor.commands.setPullQuoteAttribution('A minister');
    editor.commands.setTextSelection(editor.state.doc.content.size);
    editor.commands.insertStoryImage({
      src: '/media/x.webp',
      alt: 'X',
      caption: 'Cap',
      credit: null,
      width: 800,
      height: 600,
      imageId: 'img1',
    });
    editor.commands.insertVideoEmbed({ provider: 'vimeo', videoId: '76979871', title: null });
    editor.commands.insertContent({ type: 'text', text: 'After.' });
    expect(toStoryDocument(editor.getJSON()).content).toEqual([
      {
        type: 'pullQuote',
        attrs: { attribution: 'A minister' },
        content: [
          { type: 'text', text: 'He said' },
          { type: 'editorsInsert', attrs: { text: 'in Algeria' } },
        ],
      },
      { type: 'image', attrs: { src: '/media/x.webp', alt: 'X', caption: 'Cap', width: 800, height: 600, imageId: 'img1' } },
      { type: 'videoEmbed', attrs: { provider: 'vimeo', videoId: '76979871' } },
      { type: 'paragraph', content: [{ type: 'text', text: 'After.' }] },
    ]);
    editor.destroy();
  });
});
