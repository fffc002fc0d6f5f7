import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, StoryDocument } from './document-schema.js';
import { countWords, plainText, readingMinutes } from './document-text.js';

const p = (t: string): Paragraph => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('plainText', () => {
  it('joins blocks with newlines, includes nested text and bracketed inserts', () => {
    const blocks: Block[] = [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'He said it happened ', marks: [{ type: 'bold' }] },
          { type: 'editorsInsert', attrs: { text: 'in Algeria' } },
          { type: 'hardBreak' },
          { type: 'text', text: 'twice.' },
        ],
      },
      { type: 'image', attrs: { src: '/media/a.jpg', alt: 'not text' } },
      { type: 'paywallBreak' },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [p('one'), { type: 'orderedList', content: [{ type: 'listItem', content: [p('two')] }] }] }],
      },
      { type: 'blockquote', content: [p('quoted')] },
      { type: 'pullQuote', content: [{ type: 'text', text: 'pulled' }] },
      { type: 'paragraph' },
    ];
    expect(plainText(blocks)).toBe('Title\nHe said it happened [in Algeria]\ntwice.\none\ntwo\nquoted\npulled');
  });
});

describe('readingMinutes', () => {
  const doc = (...content: Block[]): StoryDocument => ({ type: 'doc', content });

  it('is words / 220 rounded up, at least one minute', () => {
    expect(readingMinutes(doc())).toBe(1);
    expect(readingMinutes(doc(p(words(220))))).toBe(1);
    expect(readingMinutes(doc(p(words(221))))).toBe(2);
    expect(readingMinutes(doc(p(words(400)), { type: 'paywallBreak' }, p(words(261))))).toBe(4);
  });

  it('counts words across blocks without merging them', () => {
    // "end" and "start" would merge into one word if blocks were not separated.
    expect(countWords(plainText([p('a b end'), p('start c')]))).toBe(5);
  });

  it('counts Arabic words by whitespace', () => {
    expect(countWords('قال  الوزير\tإن   الحكومة\nستعمل')).toBe(5);
    expect(readingMinutes(doc(p(Array.from({ length: 441 }, () => 'كلمة').join(' '))))).toBe(3);
  });
});
