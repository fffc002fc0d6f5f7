import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW, paragraphs } from '../support/fixtures.js';
import { asStaff, setUpAdmin, signIn, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

interface Item {
  id: string;
  version: number;
  kind: string;
  note: string | null;
  savedBy: string | null;
  savedByName: string | null;
}

describe.each(DIALECTS)('revision history: bounded and paginated (%s)', (dialect) => {
  let site: TestSite;
  let admin: StaffSession;
  let writer: StaffSession;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await startTestSite(dialect);
    admin = await setUpAdmin(site.app);
    for (const [email, role] of [
      ['wren@example.org', 'writer'],
      ['eda@example.org', 'editor'],
    ] as const) {
      await asStaff(site.app, admin, 'POST', '/staff', {
        email,
        name: role === 'writer' ? 'Wren' : 'Eda',
        role,
        password: 'a long enough password',
      });
    }
    writer = await signIn(site.app, 'wren@example.org', 'a long enough password');
    editor = await signIn(site.app, 'eda@example.org', 'a long enough password');
  });
  afterAll(async () => {
    site.clock.set(NOW);
    await site?.close();
  });

  let n = 0;
  const newStory = async (by: StaffSession) =>
    (
      await asStaff(site.app, by, 'POST', '/stories', { locale: 'en', title: `Revisions ${++n}`, dek: '', body: paragraphs('Start.') })
    ).json() as { id: string; version: number; title: string };
  /** Saves the text as the admin app does; returns the new version. */
  async function save(by: StaffSession, id: string, version: number, text: string, autosave: boolean) {
    const res = await asStaff(site.app, by, 'PUT', `/translations/${id}`, {
      title: `Revisions ${n}`,
      dek: '',
      body: paragraphs(text),
      version,
      ...(autosave && { autosave: true }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  }
  const move = async (by: StaffSession, id: string, to: string) => {
    const res = await asStaff(site.app, by, 'POST', `/translations/${id}/transitions`, { to });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  };
  async function history(id: string): Promise<Item[]> {
    const all: Item[] = [];
    let before: number | null = null;
    for (;;) {
      const res = await asStaff(site.app, admin, 'GET', `/translations/${id}/revisions?limit=100${before ? `&before=${before}` : ''}`);
      expect(res.statusCode).toBe(200);
      all.push(...res.json().items);
      before = res.json().nextBefore;
      if (before === null) return all;
    }
  }

  it('200 rapid autosaves by one person make one revision, not 200', async () => {
    const story = await newStory(writer);
    let version = story.version;
    for (let i = 0; i < 200; i++) version = await save(writer, story.id, version, `Typing ${i}.`, true);
    const items = await history(story.id);
    expect(items.map((r) => r.kind)).toEqual(['autosave', 'save']);
    expect(items[0]).toMatchObject({ version, savedBy: writer.staff.id, savedByName: 'Wren' });
    // The revision holds the latest text.
    const diff = (await asStaff(site.app, writer, 'GET', `/translations/${story.id}/revisions/${items[0]?.id}/diff`)).json();
    expect(diff.body.every((p: { op: string }) => p.op === 'equal')).toBe(true);
  });

  it('an hour of steady autosaving keeps one revision per ten-minute window', async () => {
    const story = await newStory(writer);
    let version = story.version;
    try {
      for (let i = 0; i < 200; i++) {
        site.clock.set(new Date(NOW.getTime() + i * 18_000)); // 200 saves over an hour
        version = await save(writer, story.id, version, `Typing ${i}.`, true);
      }
    } finally {
      site.clock.set(NOW);
    }
    const autosaves = (await history(story.id)).filter((r) => r.kind === 'autosave');
    expect(autosaves.length).toBeGreaterThanOrEqual(6);
    expect(autosaves.length).toBeLessThanOrEqual(7);
  });

  it('keeps every explicit save, restore and workflow step; autosaves never merge across them or across people', async () => {
    const story = await newStory(writer);
    let v = story.version;
    const burst = async (by: StaffSession, label: string) => {
      for (let i = 0; i < 5; i++) v = await save(by, story.id, v, `${label} ${i}.`, true);
    };
    await burst(writer, 'first');
    v = await save(writer, story.id, v, 'Explicit one.', false);
    await burst(writer, 'second');
    v = await move(writer, story.id, 'in_review');
    await burst(writer, 'third');
    await burst(editor, 'editor');
    await burst(writer, 'fourth');
    v = await save(editor, story.id, v, 'Explicit two.', false);
    v = await move(editor, story.id, 'published');
    v = await move(editor, story.id, 'unpublished');
    const first = (await history(story.id)).find((r) => r.kind === 'save' && r.version === 1) as Item;
    const restored = await asStaff(site.app, editor, 'POST', `/translations/${story.id}/revisions/${first.id}/restore`, { version: v });
    expect(restored.statusCode, restored.body).toBe(200);

    const items = await history(story.id);
    const steps = items.map((r) => (r.kind === 'workflow' ? `workflow:${r.note}` : `${r.kind}:${r.savedByName}`)).reverse();
    expect(steps).toEqual([
      'save:Wren', // created
      'autosave:Wren',
      'save:Wren',
      'autosave:Wren',
      'workflow:in_review',
      'autosave:Wren',
      'autosave:Eda',
      'autosave:Wren',
      'save:Eda',
      'workflow:published',
      'workflow:unpublished',
      'restore:Eda',
    ]);
    expect(new Set(items.map((r) => r.version)).size).toBe(items.length);
  });

  it('pages the list newest first with metadata only, and refuses a bad page size', async () => {
    const story = await newStory(editor);
    let v = story.version;
    for (let i = 0; i < 7; i++) v = await save(editor, story.id, v, `Explicit ${i}. ${'Long text. '.repeat(200)}`, false);
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const res = await asStaff(site.app, editor, 'GET', `/translations/${story.id}/revisions?limit=3${before ? `&before=${before}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Item[]; nextBefore: number | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(['id', 'kind', 'note', 'savedAt', 'savedBy', 'savedByName', 'title', 'version']);
      }
      expect(res.body).not.toContain('Long text');
      seen.push(...body.items.map((r) => r.version));
      before = body.nextBefore;
      pages++;
    } while (before !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await asStaff(site.app, editor, 'GET', `/translations/${story.id}/revisions`)).json().items).toHaveLength(8);
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'before=-1', 'before=x', 'page=2']) {
      const res = await asStaff(site.app, editor, 'GET', `/translations/${story.id}/revisions?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
    }
  });
});
