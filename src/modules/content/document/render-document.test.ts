import { describe, expect, it } from 'vitest';
import { html, SafeHtml } from '../../../shared/html.js';
import type { Block, Paragraph, StoryDocument } from './document-schema.js';
import { renderBlocks, renderDocument } from './render-document.js';

/** Renders input that was never validated, as the renderer must tolerate. */
const renderUnchecked = (content: unknown[]) => renderDocument({ type: 'doc', content } as unknown as StoryDocument).value;
const render = (...content: Block[]) => renderBlocks(content).value;
const p = (t: string): Paragraph => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });

describe('renderDocument', () => {
  it('escapes text so markup in the document stays text', () => {
    const out = render(p('<script>alert("x")</script> & \'q\''), {
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }],
    });
    expect(out).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>' + '<h3>&lt;img src=x onerror=alert(1)&gt;</h3>',
    );
    expect(out).not.toContain('<script');
  });

  it('escapes marked and linked text too', () => {
    const out = render({
      type: 'paragraph',
      content: [
        { type: 'text', text: '<script>x</script>', marks: [{ type: 'bold' }] },
        { type: 'text', text: '"><script>', marks: [{ type: 'link', attrs: { href: '/a?x="><script>', title: '"><b>' } }] },
      ],
    });
    expect(out).toBe(
      '<p><strong>&lt;script&gt;x&lt;/script&gt;</strong>' +
        '<a href="/a?x=&quot;&gt;&lt;script&gt;" title="&quot;&gt;&lt;b&gt;">&quot;&gt;&lt;script&gt;</a></p>',
    );
  });

  it('escapes attribute values', () => {
    const out = render({
      type: 'image',
      attrs: { src: '/media/a.jpg', alt: '" onload="alert(1)', caption: '<b>c</b>', credit: 'A&B' },
    });
    expect(out).toContain('alt="&quot; onload=&quot;alert(1)"');
    expect(out).toContain('<span class="caption">&lt;b&gt;c&lt;/b&gt;</span> <span class="credit">A&amp;B</span>');
  });

  it("labels an image credit the page's way, escaped", () => {
    const image: Block = { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A', credit: 'A&B' } };
    const out = renderBlocks([image], { creditLabel: (credit) => `Photo: ${credit}` }).value;
    expect(out).toContain('<span class="credit">Photo: A&amp;B</span>');
  });

  it('renders marks, first mark outermost, and links with rel only when external', () => {
    const out = render({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }, { type: 'strike' }] },
        { type: 'text', text: 'ext', marks: [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b=2', title: 'T' } }] },
        { type: 'text', text: 'int', marks: [{ type: 'link', attrs: { href: '/world' } }, { type: 'bold' }] },
        { type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:desk@example.com' } }] },
        { type: 'hardBreak' },
        { type: 'editorsInsert', attrs: { text: 'in <Algeria>' } },
      ],
    });
    expect(out).toBe(
      '<p><strong><em><u><s>a</s></u></em></strong>' +
        '<a href="https://example.com/?a=1&amp;b=2" title="T" rel="noopener noreferrer">ext</a>' +
        '<a href="/world"><strong>int</strong></a>' +
        '<a href="mailto:desk@example.com">mail</a>' +
        '<br><span class="editors-insert">[in &lt;Algeria&gt;]</span></p>',
    );
  });

  it('renders nested lists', () => {
    const out = render({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [p('one'), { type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [p('four')] }] }],
        },
        { type: 'listItem', content: [p('two')] },
      ],
    });
    expect(out).toBe('<ul><li><p>one</p><ol start="4"><li><p>four</p></li></ol></li><li><p>two</p></li></ul>');
  });

  it('renders blockquotes, pull quotes, images and videos', () => {
    expect(render({ type: 'blockquote', content: [p('q')] })).toBe('<blockquote><p>q</p></blockquote>');
    expect(render({ type: 'pullQuote', attrs: { attribution: 'The minister' }, content: [{ type: 'text', text: 'No.' }] })).toBe(
      '<figure class="pull-quote"><blockquote>No.</blockquote><figcaption>\u2014 The minister</figcaption></figure>',
    );
    expect(render({ type: 'pullQuote', content: [{ type: 'text', text: 'No.' }] })).toBe(
      '<figure class="pull-quote"><blockquote>No.</blockquote></figure>',
    );
    expect(render({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'Alt', width: 800, height: 600, caption: 'Cap' } })).toBe(
      '<figure class="body-image"><img src="/media/a.jpg" alt="Alt" width="800" height="600" loading="lazy" decoding="async">' +
        '<figcaption><span class="caption">Cap</span></figcaption></figure>',
    );
    expect(render({ type: 'videoEmbed', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Clip' } })).toBe(
      '<figure class="video-embed"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Clip" ' +
        'loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe></figure>',
    );
    expect(render({ type: 'videoEmbed', attrs: { provider: 'vimeo', videoId: '76979871' } })).toContain(
      'src="https://player.vimeo.com/video/76979871"',
    );
  });

  it('renders nothing for the paywall break', () => {
    expect(render(p('a'), { type: 'paywallBreak' }, p('b'))).toBe('<p>a</p><p>b</p>');
  });

  it('drops a bad href from unvalidated input but keeps the text', () => {
    for (const href of ['javascript:alert(1)', '  JaVa\tscript:alert(1)', 'data:text/html,x', '//evil.example', 42]) {
      const out = renderUnchecked([
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }, { type: 'bold' }] }] },
      ]);
      expect(out).toBe('<p><strong>click</strong></p>');
    }
  });

  it('ignores unknown nodes, marks, attributes and misplaced nodes in unvalidated input', () => {
    const out = renderUnchecked([
      { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
      {
        type: 'paragraph',
        attrs: { onclick: 'x' },
        content: [
          { type: 'text', text: 'ok', marks: [{ type: 'code' }] },
          { type: 'html', text: '<b>' },
        ],
      },
      { type: 'listItem', content: [p('stray item')] },
      {
        type: 'bulletList',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'not an item' }] },
          { type: 'listItem', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'h' }] }] },
        ],
      },
      { type: 'blockquote', content: [{ type: 'image', attrs: { src: '/media/a.jpg', alt: '' } }, p('q')] },
      { type: 'heading', attrs: { level: 1, class: 'x' }, content: [{ type: 'text', text: 'Level one' }] },
      { type: 'orderedList', attrs: { start: '1" onclick="x' }, content: [{ type: 'listItem', content: [p('i')] }] },
      null,
      'text',
      { type: 'paragraph', content: 'not an array' },
    ]);
    expect(out).toBe('<p>ok</p><ul><li></li></ul><blockquote><p>q</p></blockquote><h2>Level one</h2><ol><li><p>i</p></li></ol><p></p>');
  });

  it('re-checks image sources and video ids in unvalidated input', () => {
    const out = renderUnchecked([
      { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'x' } },
      { type: 'image', attrs: { src: 'http://example.com/a.jpg', alt: 'x' } },
      { type: 'image', attrs: { src: '/media/a.jpg', alt: 'ok', width: '1" onload="x', height: -5 } },
      { type: 'videoEmbed', attrs: { provider: 'youtube', videoId: '"><script>x' } },
      { type: 'videoEmbed', attrs: { provider: 'evil', videoId: '123' } },
    ]);
    expect(out).toBe('<figure class="body-image"><img src="/media/a.jpg" alt="ok" loading="lazy" decoding="async"></figure>');
  });

  it('stops at the nesting limit instead of overflowing the stack', () => {
    let node: unknown = p('deep');
    for (let i = 0; i < 50_000; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
    const out = renderUnchecked([node]);
    expect(out.startsWith('<ul><li><ul><li>')).toBe(true);
    expect(out).not.toContain('deep');
  });

  it('returns SafeHtml that templates embed without re-escaping', () => {
    const body = renderBlocks([p('a & b')]);
    expect(body).toBeInstanceOf(SafeHtml);
    expect(html`<article>${body}</article>`.value).toBe('<article><p>a &amp; b</p></article>');
  });

  it('renders a whole document and tolerates a missing content array', () => {
    expect(renderDocument({ type: 'doc', content: [p('x')] }).value).toBe('<p>x</p>');
    expect(renderDocument({ type: 'doc' } as unknown as StoryDocument).value).toBe('');
  });
});
