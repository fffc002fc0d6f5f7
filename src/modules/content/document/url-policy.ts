/**
 * The URL rules shared by the validator and the renderer, so both apply exactly the same check.
 * Everything not explicitly allowed is refused.
 */
import { DOCUMENT_LIMITS } from './document-limits.js';

/** Any whitespace, C0/C1 control character or backslash: never legitimate in an href or src. */
const FORBIDDEN_CHARS = /[\s\p{Cc}\u200B-\u200D\u2060\uFEFF\\]/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** `http://` or `https://` followed by a host character (not another slash). */
const HTTP_URL = /^https?:\/\/[^/]/i;
const HTTPS_URL = /^https:\/\/[^/]/i;
/** A `.` or `..` path segment, also percent-encoded, which browsers resolve away. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

export const LINK_HREF_RULE = 'Link must be an http:, https: or mailto: URL or a site path starting with a single "/"';
export const IMAGE_SRC_RULE = 'Image source must be a site path starting with "/media/" or an https:// URL';

/**
 * Returns the href to emit (trimmed) when it is an http:, https: or mailto: URL or a site-relative
 * path ("/x", not "//x"), else null. Whitespace or control characters inside the value, which
 * browsers strip to reveal a scheme such as "java\tscript:", make it invalid outright.
 */
export function safeLinkHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const value = href.trim();
  if (value.length === 0 || value.length > DOCUMENT_LIMITS.maxUrlLength) return null;
  if (FORBIDDEN_CHARS.test(value)) return null;
  if (value.charCodeAt(0) === 47 /* / */) return value.charCodeAt(1) === 47 ? null : value;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return HTTP_URL.test(value) ? value : null;
  if (scheme === 'mailto') return value.length > 7 ? value : null;
  return null;
}

export function isSafeLinkHref(href: string): boolean {
  return safeLinkHref(href) !== null;
}

/** True for absolute http(s) links, which get rel="noopener noreferrer". */
export function isAbsoluteHttpHref(href: string): boolean {
  return HTTP_URL.test(href);
}

/** Returns the src when it is a "/media/…" path or an https:// URL, else null. Never trimmed. */
export function safeImageSrc(src: unknown): string | null {
  if (typeof src !== 'string' || src.length > DOCUMENT_LIMITS.maxUrlLength) return null;
  if (FORBIDDEN_CHARS.test(src)) return null;
  if (src.startsWith('/media/')) {
    return src.length > 7 && !DOT_SEGMENT.test(src) ? src : null;
  }
  return HTTPS_URL.test(src) ? src : null;
}

export function isSafeImageSrc(src: string): boolean {
  return safeImageSrc(src) !== null;
}

export type VideoProvider = 'youtube' | 'vimeo';

export const VIDEO_ID_PATTERNS: Readonly<Record<VideoProvider, RegExp>> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^\d{1,12}$/,
};

/** The privacy-friendly embed URL for a provider and id, or null when either is not valid. */
export function videoEmbedUrl(provider: unknown, videoId: unknown): string | null {
  if (typeof videoId !== 'string') return null;
  if (provider === 'youtube' && VIDEO_ID_PATTERNS.youtube.test(videoId)) {
    return 'https://www.youtube-nocookie.com/embed/' + videoId;
  }
  if (provider === 'vimeo' && VIDEO_ID_PATTERNS.vimeo.test(videoId)) {
    return 'https://player.vimeo.com/video/' + videoId;
  }
  return null;
}
