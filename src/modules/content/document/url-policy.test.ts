import { describe, expect, it } from 'vitest';
import { isAbsoluteHttpHref, safeImageSrc, safeLinkHref, videoEmbedUrl } from './url-policy.js';

describe('safeLinkHref', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  JaVa\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
    'java script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '//evil.example/path',
    '/\\evil.example/path',
    'http:/\\evil.example',
    'https:evil.example',
    'https://',
    'mailto:',
    'relative/path',
    '#section',
    '?q=1',
    '',
    '   ',
    'https://example.com/' + 'a'.repeat(2100),
  ])('refuses %j', (href) => {
    expect(safeLinkHref(href)).toBeNull();
  });

  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['HTTP://example.com', 'HTTP://example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['/world/2024/story', '/world/2024/story'],
    ['/', '/'],
    ['  https://example.com/x  ', 'https://example.com/x'],
  ])('accepts %j as %j', (href, expected) => {
    expect(safeLinkHref(href)).toBe(expected);
  });

  it('refuses non-strings', () => {
    expect(safeLinkHref(undefined)).toBeNull();
    expect(safeLinkHref({ toString: () => 'https://x.example' })).toBeNull();
  });

  it('treats only absolute http(s) links as external', () => {
    expect(isAbsoluteHttpHref('https://example.com')).toBe(true);
    expect(isAbsoluteHttpHref('http://example.com')).toBe(true);
    expect(isAbsoluteHttpHref('/local')).toBe(false);
    expect(isAbsoluteHttpHref('mailto:a@example.com')).toBe(false);
  });
});

describe('safeImageSrc', () => {
  it.each(['/media/2024/photo.jpg', 'https://cdn.example.com/photo.jpg'])('accepts %j', (src) => {
    expect(safeImageSrc(src)).toBe(src);
  });

  it.each([
    'http://cdn.example.com/photo.jpg',
    '//cdn.example.com/photo.jpg',
    '/uploads/photo.jpg',
    '/media/',
    '/media/../admin',
    '/media/%2e%2e/admin',
    '/media/a b.jpg',
    ' /media/a.jpg',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'https:///x',
  ])('refuses %j', (src) => {
    expect(safeImageSrc(src)).toBeNull();
  });
});

describe('videoEmbedUrl', () => {
  it('builds privacy-friendly embed URLs', () => {
    expect(videoEmbedUrl('youtube', 'dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('vimeo', '76979871')).toBe('https://player.vimeo.com/video/76979871');
  });

  it('refuses bad ids and unknown providers', () => {
    expect(videoEmbedUrl('youtube', 'short')).toBeNull();
    expect(videoEmbedUrl('youtube', 'dQw4w9WgX"<')).toBeNull();
    expect(videoEmbedUrl('vimeo', '12ab')).toBeNull();
    expect(videoEmbedUrl('vimeo', '1234567890123')).toBeNull();
    expect(videoEmbedUrl('dailymotion', '123')).toBeNull();
  });
});
