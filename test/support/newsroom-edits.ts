import type { Services } from '../../src/app/container.js';
import type { StoryStatus } from '../../src/modules/content/content-types.js';
import type { TranslationRecord } from '../../src/modules/newsroom/editorial/editorial-types.js';
import type { Actor } from '../../src/modules/newsroom/permissions.js';

/** The editor tests change stories as (no account needed: the editorial tables name staff by id only). */
export const TEST_EDITOR: Actor = {
  kind: 'staff',
  staffId: 'test-editor',
  apiKeyId: null,
  role: 'editor',
  locales: [],
  name: 'Test editor',
};

/**
 * Changes a language version the way the newsroom does: through the one write path a story has
 * (EditorialService → EditorialKyselyRepository.saveTranslation), so the slug history, the edition
 * read model and the page invalidation a test relies on are the production ones.
 */
export async function editTranslation(
  services: Services,
  translationId: string,
  changes: { title?: string; dek?: string; slug?: string },
): Promise<TranslationRecord> {
  const { editorial } = services;
  const current = await editorial.get(TEST_EDITOR, translationId);
  return editorial.update(TEST_EDITOR, translationId, {
    title: changes.title ?? current.title,
    dek: changes.dek ?? current.dek,
    body: current.body,
    ...(changes.slug !== undefined && { slug: changes.slug }),
    version: current.version,
  });
}

/** Moves a language version through the workflow as an editor (publish, unpublish, ...). */
export async function moveTranslation(services: Services, translationId: string, to: StoryStatus): Promise<TranslationRecord> {
  return services.editorial.transition(TEST_EDITOR, translationId, { to });
}
