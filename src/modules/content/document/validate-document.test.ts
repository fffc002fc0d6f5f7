import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { StoryDocumentSchema } from './document-schema.js';
import { assertValidDocument, formatPath, validateDocument } from './validate-document.js';

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });
const item = (...content: unknown[]) => ({ type: 'listItem', content });

function issuesOf(input: unknown) {
  const result = validateDocument(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.issues;
}

const fullDoc = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
  para(text('Hello ', [{ type: 'bold' }]), { type: 'hardBreak' }, text('site', [link('https://example.com')])),
  {
    type: 'bulletList',
    content: [item(para(text('one')), { type: 'orderedList', attrs: { start: 3 }, content: [item(para(text('a')))] })],
  },
  { type: 'blockquote', content: [para(text('quoted'))] },
  {
    type: 'pullQuote',
    attrs: { attribution: 'Minister' },
    content: [text('We will'), { type: 'editorsInsert', attrs: { text: 'in Algeria' } }],
  },
  { type: 'paywallBreak' },
  { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A', caption: 'C', credit: 'AFP', width: 800, height: 600, imageId: 'img1' } },
  { type: 'videoEmbed', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Clip' } },
  { type: 'videoEmbed', attrs: { provider: 'vimeo', videoId: '76979871' } },
  para(),
);

describe('validateDocument', () => {
  it('accepts a document using every node type and returns it unchanged', () => {
    const result = validateDocument(fullDoc);
    expect(result).toEqual({ ok: true, doc: fullDoc });
  });

  it('trims whitespace around an otherwise valid link href', () => {
    const result = validateDocument(doc(para(text('x', [link('  https://example.com/a ')]))));
    expect(result.ok && result.doc.content[0]).toEqual(para(text('x', [link('https://example.com/a')])));
  });

  it.each(['javascript:alert(1)', '  JaVa\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example'])(
    'refuses the href %j with the path to the mark',
    (href) => {
      const input = doc(para(text('a')), para(text('b'), text('click', [{ type: 'bold' }, link(href)])));
      const issues = issuesOf(input);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('content[1].content[1].marks[1].attrs.href');
      expect(issues[0]?.message).toMatch(/http:, https: or mailto:/);
    },
  );

  it('refuses an unknown node type, naming the node', () => {
    const issues = issuesOf(doc(para(text('a')), para(text('b')), { type: 'script', content: [] }));
    expect(issues).toEqual([{ path: 'content[2]', message: expect.stringContaining('Unknown node type "script"') }]);
  });

  it('refuses an unknown node type deep inside a list', () => {
    const input = doc({ type: 'bulletList', content: [item(para(text('a')), { type: 'iframe' })] });
    expect(issuesOf(input).map((i) => i.path)).toEqual(['content[0].content[0].content[1]']);
  });

  it('refuses known node types in the wrong place', () => {
    const issues = issuesOf(doc({ type: 'blockquote', content: [{ type: 'heading', attrs: { level: 2 } }] }));
    expect(issues).toEqual([{ path: 'content[0].content[0]', message: expect.stringContaining('"heading" is not allowed here') }]);
    expect(issuesOf(doc(text('loose text')))[0]?.path).toBe('content[0]');
  });

  it('refuses unknown attributes and marks', () => {
    const withOnerror = doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: '', onerror: 'alert(1)' } });
    expect(issuesOf(withOnerror)).toEqual([{ path: 'content[0].attrs.onerror', message: 'Unknown attribute: onerror' }]);
    const withMark = doc(para(text('x', [{ type: 'code' }])));
    expect(issuesOf(withMark)).toEqual([
      { path: 'content[0].content[0].marks[0]', message: expect.stringContaining('Unknown mark type "code"') },
    ]);
    const linkTarget = doc(para(text('x', [{ type: 'link', attrs: { href: '/a', target: '_blank' } }])));
    expect(issuesOf(linkTarget)[0]?.path).toBe('content[0].content[0].marks[0].attrs.target');
  });

  it('refuses two paywall breaks, naming the second', () => {
    const issues = issuesOf(doc(para(text('a')), { type: 'paywallBreak' }, para(text('b')), { type: 'paywallBreak' }));
    expect(issues).toEqual([{ path: 'content[3]', message: 'Only one paywall break is allowed' }]);
  });

  it('refuses two paywall breaks in the schema itself', () => {
    const result = StoryDocumentSchema.safeParse(doc({ type: 'paywallBreak' }, para(), { type: 'paywallBreak' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['content', 2]]);
  });

  it('reports two paywall breaks alongside other problems', () => {
    const issues = issuesOf(doc({ type: 'paywallBreak' }, { type: 'paywallBreak' }, { type: 'bogus' }));
    expect(issues.map((i) => i.path).sort()).toEqual(['content[1]', 'content[2]']);
  });

  it('refuses a paywall break that is not at the top level', () => {
    const issues = issuesOf(doc({ type: 'bulletList', content: [item({ type: 'paywallBreak' })] }));
    expect(issues).toEqual([{ path: 'content[0].content[0].content[0]', message: expect.stringContaining('top level') }]);
  });

  it('enforces size limits', () => {
    expect(issuesOf(doc(para(text('x'.repeat(20_001)))))[0]?.path).toBe('content[0].content[0].text');
    expect(validateDocument(doc(para(text('x'.repeat(20_000))))).ok).toBe(true);
    const blocks = Array.from({ length: 2001 }, () => para());
    expect(issuesOf(doc(...blocks))[0]?.path).toBe('content');
    expect(validateDocument(doc(...blocks.slice(1))).ok).toBe(true);
  });

  it('refuses wrong values with their paths', () => {
    expect(issuesOf(doc({ type: 'heading', attrs: { level: 1 } }))[0]?.path).toBe('content[0].attrs.level');
    expect(issuesOf(doc(para({ type: 'text', text: '' })))[0]?.path).toBe('content[0].content[0].text');
    expect(issuesOf(doc({ type: 'bulletList', content: [] }))[0]?.path).toBe('content[0].content');
    expect(issuesOf(doc({ type: 'image', attrs: { src: 'http://x.example/a.jpg', alt: '' } }))[0]?.path).toBe('content[0].attrs.src');
    const badVideo = doc({ type: 'videoEmbed', attrs: { provider: 'youtube', videoId: '12345' } });
    expect(issuesOf(badVideo)[0]?.path).toBe('content[0].attrs.videoId');
    const badStart = doc({ type: 'orderedList', attrs: { start: 0 }, content: [item(para())] });
    expect(issuesOf(badStart)[0]?.path).toBe('content[0].attrs.start');
  });

  it('refuses input that is not a document', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: expect.any(String) }]);
    expect(issuesOf({ type: 'doc' })[0]?.path).toBe('content');
    expect(issuesOf({ type: 'doc', content: [], extra: 1 })[0]?.path).toBe('extra');
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    let node: unknown = para(text('deep'));
    for (let i = 0; i < 50_000; i++) node = { type: 'bulletList', content: [item(node)] };
    const issues = issuesOf(doc(node));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/nested more than/);
  });
});

describe('assertValidDocument', () => {
  it('returns a valid document', () => {
    expect(assertValidDocument(fullDoc)).toEqual(fullDoc);
  });

  it('throws invalid_document with the issues', () => {
    let caught: unknown;
    try {
      assertValidDocument(doc({ type: 'marquee' }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('invalid_document');
    expect(err.message).toBe('The story body is not a valid document');
    expect(err.details.issues).toEqual([{ path: 'content[0]', message: expect.stringContaining('"marquee"') }]);
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['content', 3, 'content', 0, 'marks', 1, 'attrs', 'href'])).toBe('content[3].content[0].marks[1].attrs.href');
    expect(formatPath([])).toBe('');
  });
});
