/**
 * Which link targets the editor accepts: http:, https: and mailto: only (the document schema also
 * allows site paths, which editors never need to type). The final check is the server's own rule
 * (url-policy.ts), so the editor cannot accept a link the API would refuse.
 */
import { safeLinkHref } from '../../../src/modules/content/document/url-policy';

const ALLOWED_SCHEME = /^(https?:\/\/|mailto:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const LOOKS_LIKE_HOST = /^[^\s/@:]+\.[^\s/@:]{2,}(?:[/?#]|$)/;
const LOOKS_LIKE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * The href to store for what an editor typed, or null when it is not an http(s) or mailto URL.
 * A bare host ("example.org/page") becomes https://, a bare address becomes mailto:.
 */
export function acceptedLinkHref(input: string): string | null {
  let value = input.trim();
  if (value === '') return null;
  if (!SCHEME.test(value)) {
    if (LOOKS_LIKE_EMAIL.test(value)) value = `mailto:${value}`;
    else if (LOOKS_LIKE_HOST.test(value)) value = `https://${value}`;
    else return null;
  }
  if (!ALLOWED_SCHEME.test(value)) return null;
  return safeLinkHref(value);
}

/** For TipTap's Link extension (pasted and auto-detected links): the same rule, no rewriting. */
export function isAcceptedLinkHref(url: string): boolean {
  return ALLOWED_SCHEME.test(url.trim()) && safeLinkHref(url) !== null;
}
