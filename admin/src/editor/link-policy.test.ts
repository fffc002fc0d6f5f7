import { describe, expect, it } from 'vitest';
import { acceptedLinkHref } from './link-policy';

describe('acceptedLinkHref', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['  http://example.org  ', 'http://example.org'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['example.org/page', 'https://example.org/page'],
    ['desk@example.org', 'mailto:desk@example.org'],
  ])('accepts %s', (input, href) => {
    expect(acceptedLinkHref(input)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'ftp://example.org',
    '/relative/path',
    '//example.org',
    'https://',
    'java\tscript:x',
    'nothing',
    '',
  ])('refuses %j', (input) => {
    expect(acceptedLinkHref(input)).toBeNull();
  });
});
