import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIONS,
  can,
  mayEditFields,
  ROLES,
  type Action,
  type Actor,
  type EditSubject,
  type FieldGroup,
  type Role,
} from '../../src/modules/newsroom/index.js';
import { DIALECTS } from '../support/databases.js';
import { asStaff, setUpAdmin, signIn, withKey, type StaffSession } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

/**
 * The newsroom's permission policy, written out by hand: x = allowed (for translators, in their own
 * locales; for "own" rules, on their own stories). Deliberately not derived from the matrix in
 * permissions.ts: a change there must be made here too, on purpose.
 */
const POLICY = `
                          contributor  writer  translator  editor  admin
story.create                   x         x         .          x      x
story.editOwn                  x         x         .          x      x
story.editAny                  .         .         .          x      x
story.submit                   .         x         .          x      x
story.publish                  .         .         .          x      x
story.unpublish                .         .         .          x      x
story.correct                  .         .         .          x      x
story.readAll                  .         .         x          x      x
translation.create             .         .         x          x      x
translation.edit               .         .         x          x      x
translation.markSynced         .         .         x          x      x
media.upload                   x         x         x          x      x
taxonomy.edit                  .         x         .          x      x
taxonomy.manage                .         .         .          x      x
staff.manage                   .         .         .          .      x
apiKey.manage                  .         .         .          .      x
settings.manage                .         .         .          .      x
audit.read                     .         .         .          .      x
`;

const [header = '', ...rows] = POLICY.trim().split('\n');
const columns = header.trim().split(/\s+/);
const table = new Map<string, Map<string, boolean>>(
  rows.map((row) => {
    const [action = '', ...marks] = row.trim().split(/\s+/);
    return [action, new Map(columns.map((role, i) => [role, marks[i] === 'x']))];
  }),
);
const allowed = (role: Role, action: Action) => table.get(action)?.get(role) ?? false;

function actor(role: Role, kind: Actor['kind'] = 'staff'): Actor {
  return {
    kind,
    staffId: 'me',
    apiKeyId: kind === 'apiKey' ? 'key' : null,
    role,
    locales: role === 'translator' ? ['tr'] : [],
    name: role,
  };
}
const OWN_TARGET = { ownerStaffIds: ['me'], locale: 'tr' };

describe('the permission matrix', () => {
  it('covers exactly the roles and actions of the code', () => {
    expect(columns).toEqual([...ROLES]);
    expect([...table.keys()]).toEqual([...ACTIONS]);
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = allowed(role, action);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role), action, OWN_TARGET)).toBe(expected);
        expect(can(actor(role, 'apiKey'), action, OWN_TARGET)).toBe(expected);
      });
    }
  }

  it('keeps translators to their own locales', () => {
    const translator = actor('translator');
    for (const action of ['translation.create', 'translation.edit', 'translation.markSynced'] as const) {
      expect(can(translator, action, { locale: 'tr' })).toBe(true);
      expect(can(translator, action, { locale: 'fa' })).toBe(false);
      expect(can(translator, action)).toBe(false);
      expect(can(actor('editor'), action, { locale: 'fa' })).toBe(true);
    }
  });

  it('keeps "own" rules to one\'s own stories, except for editors and admins', () => {
    const others = { ownerStaffIds: ['someone-else'] };
    expect(can(actor('writer'), 'story.editOwn', others)).toBe(false);
    expect(can(actor('contributor'), 'story.editOwn', others)).toBe(false);
    expect(can(actor('writer'), 'story.submit', others)).toBe(false);
    expect(can(actor('editor'), 'story.editOwn', others)).toBe(true);
    expect(can(actor('admin'), 'story.submit', others)).toBe(true);
  });
});

/**
 * Field groups, by hand like POLICY: may this role change the language version's text / the
 * story-wide settings of this subject? `own-draft`: an original draft the actor started;
 * `own-live`: the same once published; `own-was-live`: the same back in draft after being out in
 * public (for the story: any language version is or has been live); `others-draft`: someone else's original draft; `tr-draft`:
 * a Turkish translation draft (the translator's locale) of someone else's story; `fa-draft`: the
 * same in a locale the translator does not translate into.
 */
const FIELD_POLICY = `
                   contributor  writer  translator  editor  admin
text  own-draft         x         x         .          x      x
text  own-live          .         .         .          x      x
text  others-draft      .         .         .          x      x
text  tr-draft          .         .         x          x      x
text  fa-draft          .         .         .          x      x
story own-draft         x         x         .          x      x
story own-live          .         .         .          x      x
story own-was-live      .         .         .          x      x
story others-draft      .         .         .          x      x
story tr-draft          .         .         .          x      x
story fa-draft          .         .         .          x      x
`;
const SUBJECTS: Record<string, EditSubject> = {
  'own-draft': { status: 'draft', locale: 'en', isOriginal: true, ownerStaffIds: ['me'] },
  'own-live': { status: 'published', locale: 'en', isOriginal: true, ownerStaffIds: ['me'] },
  'own-was-live': { status: 'draft', locale: 'en', isOriginal: true, ownerStaffIds: ['me'], everLive: true },
  'others-draft': { status: 'draft', locale: 'en', isOriginal: true, ownerStaffIds: ['someone-else'] },
  'tr-draft': { status: 'draft', locale: 'tr', isOriginal: false, ownerStaffIds: ['someone-else'] },
  'fa-draft': { status: 'draft', locale: 'fa', isOriginal: false, ownerStaffIds: ['someone-else'] },
};

describe('the field-group matrix', () => {
  const [fieldHeader = '', ...fieldRows] = FIELD_POLICY.trim().split('\n');
  const fieldColumns = fieldHeader.trim().split(/\s+/);
  it('covers exactly the roles of the code', () => expect(fieldColumns).toEqual([...ROLES]));
  for (const row of fieldRows) {
    const [group = '', subject = '', ...marks] = row.trim().split(/\s+/);
    for (const [i, role] of fieldColumns.entries()) {
      const expected = marks[i] === 'x';
      it(`${role} ${expected ? 'may' : 'may not'} change ${group} fields of ${subject}`, () => {
        const target = SUBJECTS[subject] as EditSubject;
        expect(mayEditFields(actor(role as Role), group as FieldGroup, target)).toBe(expected);
        expect(mayEditFields(actor(role as Role, 'apiKey'), group as FieldGroup, target)).toBe(expected);
      });
    }
  }

  it('never lets an API key do more than its owner can now: both roles must allow an action', () => {
    for (const keyRole of ROLES) {
      for (const ownerRole of ROLES) {
        const key: Actor = {
          ...actor(keyRole, 'apiKey'),
          locales: [],
          owner: { role: ownerRole, locales: ownerRole === 'translator' ? ['tr'] : [] },
        };
        for (const action of ACTIONS) {
          const both = can({ ...actor(keyRole), locales: [] }, action, OWN_TARGET) && can(actor(ownerRole), action, OWN_TARGET);
          expect(can(key, action, OWN_TARGET), `${keyRole} key of a ${ownerRole}: ${action}`).toBe(both);
        }
      }
    }
  });
});

describe.each(DIALECTS)('the matrix on the staff endpoints, per role (%s)', (dialect) => {
  let site: TestSite;
  const sessions = new Map<Role, StaffSession>();
  const keys = new Map<Role, string>();
  beforeAll(async () => {
    site = await startTestSite(dialect);
    const admin = await setUpAdmin(site.app);
    for (const role of ROLES) {
      const email = `${role}@example.org`;
      const created = await asStaff(site.app, admin, 'POST', '/staff', {
        email,
        name: role,
        role,
        locales: ['tr'],
        password: `${role} password!`,
      });
      expect(created.statusCode).toBe(201);
      sessions.set(role, await signIn(site.app, email, `${role} password!`));
      keys.set(role, (await asStaff(site.app, admin, 'POST', '/api-keys', { name: `${role} key`, role })).json().secret);
    }
  });
  afterAll(async () => {
    await site?.close();
  });

  const ENDPOINTS: Array<[Action, string]> = [
    ['staff.manage', '/staff'],
    ['apiKey.manage', '/api-keys'],
    ['audit.read', '/audit'],
  ];
  for (const role of ROLES) {
    it(`answers ${role} by the table, signed in and by API key`, async () => {
      for (const [action, path] of ENDPOINTS) {
        const expected = allowed(role, action) ? 200 : 403;
        expect((await asStaff(site.app, sessions.get(role) as StaffSession, 'GET', path)).statusCode).toBe(expected);
        expect((await withKey(site.app, keys.get(role) as string, 'GET', path)).statusCode).toBe(expected);
      }
    });
  }
});
