import type { Editions } from '../editions/index.js';
import type { ContentWriteRepository } from './content-repository.js';

const FINGERPRINT_KEY = 'editions_fingerprint';
/** Bumped when the read model gains something a rebuild fills (2: topic/author listings, related stories). */
const READ_MODEL_VERSION = 2;

/**
 * The edition read model depends on which editions exist and which sources each includes. When the
 * configuration changed since it was built, rebuild it (once, at start) so listings never show a
 * story by a rule that no longer holds.
 */
export async function ensureEditionReadModel(content: ContentWriteRepository, editions: Editions): Promise<boolean> {
  const fingerprint = `v${READ_MODEL_VERSION}:${editions.fingerprint()}`;
  if ((await content.getMeta(FINGERPRINT_KEY)) === fingerprint) return false;
  await content.rebuildEditionEntries(editions.list);
  await content.setMeta(FINGERPRINT_KEY, fingerprint);
  return true;
}
