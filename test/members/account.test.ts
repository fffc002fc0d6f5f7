import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { text } from '../support/html-probe.js';
import { Browser, csrfIn, setCookies, signIn, startMembersSite, type MembersSite } from './member-kit.js';

describe.each(DIALECTS)('member account: edition, data export, deletion (%s)', (dialect) => {
  let ms: MembersSite;
  beforeAll(async () => {
    ms = await startMembersSite(dialect, { payments: true });
  });
  afterAll(async () => {
    await ms?.close();
  });
  const db = () => ms.site.services.database.db;
  const memberId = async (email: string) =>
    (await db().selectFrom('members').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('sends anonymous readers to sign in and back', async () => {
    const res = await new Browser(ms.site.app).get('/tr/account');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/tr/sign-in?return=%2Ftr%2Faccount');
  });

  it('shows the account and saves the preferred edition', async () => {
    const browser = new Browser(ms.site.app);
    await signIn(ms, browser, 'edition@example.org');
    const account = await browser.get('/en/account');
    expect(text(account.body)).toContain('edition@example.org');
    expect(text(account.body)).toContain('You do not have a subscription.');
    expect(account.body).toContain('<option value="en" selected>');
    const res = await browser.post('/en/account/edition', { csrf: csrfIn(account.body), edition: 'fa' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/fa/account');
    expect((await browser.get('/fa/account')).body).toContain('<option value="fa" selected>');
    const bad = await browser.post('/en/account/edition', { csrf: csrfIn(account.body), edition: 'xx' });
    expect(bad.statusCode).toBe(400);
    const forged = await browser.post('/en/account/edition', { csrf: 'forged', edition: 'tr' });
    expect(forged.statusCode).toBe(403);
  });

  it('exports the member’s own data as JSON, and nobody else’s', async () => {
    const ada = new Browser(ms.site.app);
    const bob = new Browser(ms.site.app);
    await signIn(ms, ada, 'ada.reader@example.org');
    await signIn(ms, bob, 'bob.reader@example.org');
    const [adaId, bobId] = [await memberId('ada.reader@example.org'), await memberId('bob.reader@example.org')];
    await ms.api.recordMemberRead(adaId, 'story-ada', NOW);
    await ms.api.recordMemberRead(adaId, 'story-ada', NOW);
    await ms.api.recordMemberRead(bobId, 'story-bob', NOW);

    const res = await ada.get('/en/account/data.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-account-data.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data.member).toMatchObject({ id: adaId, email: 'ada.reader@example.org', preferredEdition: 'en' });
    expect(data.storiesRead).toEqual([{ month: '2014-07', storyId: 'story-ada', readAt: NOW.toISOString() }]);
    expect(data.sessions).toHaveLength(1);
    expect(data.signInLinks).toEqual([{ purpose: 'sign_up', requestedAt: NOW.toISOString(), usedAt: NOW.toISOString() }]);
    expect(res.body).not.toContain('bob');
    expect(res.body).not.toContain(bobId);
    // No secret of any kind: cookie tokens, CSRF tokens, hashes.
    expect(res.body).not.toContain(ada.cookies.get('mh_member')!);
    expect(res.body).not.toMatch(/csrf|hash|token/i);
    expect((await new Browser(ms.site.app).get('/en/account/data.json')).statusCode).toBe(303);
  });

  it('deletion waits for a renewing subscription, then removes personal data, keeps accounting records and signs out', async () => {
    const browser = new Browser(ms.site.app);
    const other = new Browser(ms.site.app);
    await signIn(ms, browser, 'leaving@example.org');
    await signIn(ms, other, 'leaving@example.org');
    const id = await memberId('leaving@example.org');
    await ms.api.recordMemberRead(id, 'story-x', NOW);
    const page = await browser.get('/en/subscribe');
    const checkout = await browser.post('/en/subscribe', { csrf: csrfIn(page.body), plan: 'supporter', interval: 'monthly' });
    const sessionId = /cs_test_\w+/.exec(String(checkout.headers.location))![0];
    const { subscription } = await ms.standIn!.completeCheckout(sessionId);

    const confirm = await browser.get('/en/account/delete');
    expect(confirm.statusCode).toBe(200);
    expect(text(confirm.body)).toContain('What we keep: the records of your subscriptions and payments');
    const refused = await browser.post('/en/account/delete', { csrf: csrfIn(confirm.body) });
    expect(refused.statusCode).toBe(409);
    expect(text(refused.body)).toContain('Cancel your subscription first');

    await ms.standIn!.deleteSubscription(subscription.id);
    const res = await browser.post('/en/account/delete', { csrf: csrfIn(confirm.body) });
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Your account was deleted');
    expect(setCookies(res).some((c) => c.startsWith('mh_member=;'))).toBe(true);

    const row = await db().selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, preferred_edition: null, provider_customer_id: null, deleted_at: NOW.toISOString() });
    expect(await db().selectFrom('member_sessions').selectAll().where('member_id', '=', id).execute()).toEqual([]);
    expect(await db().selectFrom('magic_links').selectAll().where('email', '=', 'leaving@example.org').execute()).toEqual([]);
    expect(await db().selectFrom('member_monthly_reads').selectAll().where('member_id', '=', id).execute()).toEqual([]);
    // Kept for accounting, pointing at a row without personal data.
    expect(
      await db()
        .selectFrom('subscriptions')
        .select(['member_id', 'status', 'customer_id'])
        .where('provider_subscription_id', '=', subscription.id)
        .execute(),
    ).toEqual([{ member_id: id, status: 'canceled', customer_id: subscription.customer }]);
    // Signed out everywhere.
    expect((await other.get('/en/account')).statusCode).toBe(303);
    expect((await ms.api.resolveReader(other.cookieHeader, NOW)).memberId).toBeNull();

    // The address is free again: signing up makes a new member.
    await signIn(ms, new Browser(ms.site.app), 'leaving@example.org');
    expect(await memberId('leaving@example.org')).not.toBe(id);
  });
});
