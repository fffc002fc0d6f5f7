import type { StoryDocument } from './document-schema.js';
import { validateDocument } from './validate-document.js';

const EMPTY: StoryDocument = { type: 'doc', content: [] };

/**
 * Reads a body as stored. Bodies are validated when written, and validated again here because a
 * row may have been written by another tool or an older schema: a body that no longer validates
 * renders as empty rather than emitting anything unknown. (The renderer is defensive as well.)
 */
export function parseStoredDocument(text: string): StoryDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return EMPTY;
  }
  const result = validateDocument(json);
  return result.ok ? result.doc : EMPTY;
}
