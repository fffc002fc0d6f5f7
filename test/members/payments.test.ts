import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { text } from '../support/html-probe.js';
import { Browser, csrfIn, signIn, SITE, startMembersSite, type MembersSite } from './member-kit.js';

const DAY = 86_400_000;

describe.each(DIALECTS)('members: Stripe checkout, webhooks and portal (%s)', (dialect) => {
  let ms: MembersSite;
  beforeAll(async () => {
    ms = await startMembersSite(dialect, { payments: true });
  });
  afterAll(async () => {
    await ms?.close();
  });
  const db = () => ms.site.services.database.db;
  const standIn = () => ms.standIn!;
  const at = (iso: string) => ms.site.clock.set(iso);

  /** Signs a new member in and takes them through checkout on the stand-in; returns the subscription id. */
  async function subscribe(email: string, interval = 'monthly') {
    const browser = new Browser(ms.site.app);
    await signIn(ms, browser, email);
    const page = await browser.get('/en/subscribe');
    const res = await browser.post('/en/subscribe', { csrf: csrfIn(page.body), plan: 'supporter', interval });
    expect(res.statusCode).toBe(303);
    const sessionId = /\/checkout\/(cs_test_\w+)$/.exec(String(res.headers.location))?.[1];
    expect(res.headers.location).toBe(`${standIn().url}/checkout/${sessionId}`);
    const { subscription, deliveries } = await standIn().completeCheckout(sessionId!);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    return { browser, subscriptionId: subscription.id, sessionId: sessionId! };
  }
  const row = (id: string) =>
    db().selectFrom('subscriptions').selectAll().where('provider_subscription_id', '=', id).executeTakeFirstOrThrow();
  const eventCount = async () =>
    Number(
      (
        await db()
          .selectFrom('processed_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('shows the plans and their benefits; anonymous readers are asked to sign in first', async () => {
    const page = await new Browser(ms.site.app).get('/tr/subscribe');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Destekçi');
    expect(page.body).toContain('Arşivin tamamı');
    expect(page.body).toContain('Muhabirlerimizle yalnızca davetlilere özel brifingler');
    expect(page.body).toContain('Abone olmak için oturum açın');
    expect(page.body).not.toContain('name="interval"');
    // The checkout redirect that follows the form is allowed by the page's CSP.
    expect(page.headers['content-security-policy']).toContain(`form-action 'self' ${standIn().url}`);
    const anonymous = await new Browser(ms.site.app).post('/en/subscribe', { plan: 'supporter', interval: 'monthly' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/sign-in?return=%2Fen%2Fsubscribe');
  });

  it('subscribe → Checkout Session → webhooks: the member is subscribed and resolveReader says so', async () => {
    const { browser, subscriptionId, sessionId } = await subscribe('subscriber@example.org');
    const [request] = standIn()
      .requestsTo('POST', '/v1/checkout/sessions')
      .filter((r) => r.form.customer_email === 'subscriber@example.org');
    expect(request!.form).toMatchObject({
      mode: 'subscription',
      line_items: [{ price: 'price_supporter_monthly', quantity: '1' }],
      subscription_data: { trial_period_days: '14' },
      success_url: `${SITE}/en/subscribe/success?session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${SITE}/en/subscribe`,
      locale: 'en',
    });
    const member = await db().selectFrom('members').selectAll().where('email', '=', 'subscriber@example.org').executeTakeFirstOrThrow();
    expect(standIn().checkoutSession(sessionId)?.client_reference_id).toBe(member.id);
    expect(member.provider_customer_id).toBe(standIn().subscription(subscriptionId)!.customer);
    expect(await row(subscriptionId)).toMatchObject({
      member_id: member.id,
      status: 'trialing',
      plan_id: 'supporter',
      paid_through: new Date(NOW.getTime() + 14 * DAY).toISOString(),
    });

    const resolved = await ms.api.resolveReader(browser.cookieHeader, NOW);
    expect(resolved).toEqual({
      memberId: member.id,
      reader: {
        kind: 'member',
        memberId: member.id,
        monthlyReads: [],
        subscription: { status: 'trialing', currentPeriodEnd: new Date(NOW.getTime() + 14 * DAY) },
        complimentary: null,
      },
    });

    // The trial converts: the next page view sees an active subscription.
    at('2014-07-24T12:00:00Z');
    await standIn().updateSubscription(subscriptionId, { status: 'active', current_period_end: Date.parse('2014-08-24T12:00:00Z') / 1000 });
    expect((await ms.api.resolveReader(browser.cookieHeader, ms.site.clock.now())).reader).toMatchObject({
      subscription: { status: 'active', currentPeriodEnd: new Date('2014-08-24T12:00:00Z') },
    });
    const account = await browser.get('/en/account');
    expect(text(account.body)).toContain('Supporter : Active, renews on');
    const success = await browser.get('/en/subscribe/success?session=cs_x');
    expect(text(success.body)).toContain('Your subscription is active');
    at(NOW.toISOString());

    // Subscribing again while subscribed: 409 page, no second checkout.
    const before = standIn().requestsTo('POST', '/v1/checkout/sessions').length;
    const page = await browser.get('/en/subscribe');
    expect(page.body).toContain('You already have a subscription');
    const again = await browser.post('/en/subscribe', {
      csrf: csrfIn((await browser.get('/en/account')).body),
      plan: 'supporter',
      interval: 'yearly',
    });
    expect(again.statusCode).toBe(409);
    expect(standIn().requestsTo('POST', '/v1/checkout/sessions')).toHaveLength(before);
  });

  it('a replayed event changes the subscription once', async () => {
    const { subscriptionId } = await subscribe('replay@example.org');
    at('2014-07-12T00:00:00Z');
    const events = await eventCount();
    const { deliveries } = await standIn().updateSubscription(subscriptionId, { status: 'past_due' }, { duplicate: true });
    expect(deliveries.map((d) => [d.status, JSON.parse(d.responseBody).outcome])).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
    ]);
    expect(await eventCount()).toBe(events + 1);
    const after = await row(subscriptionId);
    expect(after).toMatchObject({ status: 'past_due', last_event_id: deliveries[0]!.event.id });
    // Paid through: the trial's end, not the unpaid period Stripe moved on to.
    expect(after.paid_through).toBe(new Date(NOW.getTime() + 14 * DAY).toISOString());
    await standIn().sendEvent(deliveries[0]!.event);
    expect(await row(subscriptionId)).toEqual(after);
    at(NOW.toISOString());
  });

  it('an older event delivered after a newer one is ignored', async () => {
    const { subscriptionId } = await subscribe('reorder@example.org');
    at('2014-07-25T00:00:00Z');
    await standIn().updateSubscription(subscriptionId, { status: 'past_due' }, { reorder: true });
    at('2014-07-25T00:00:30Z');
    const { deliveries } = await standIn().updateSubscription(subscriptionId, { status: 'active' });
    expect(deliveries.map((d) => [(d.event.data.object as { status: string }).status, JSON.parse(d.responseBody).outcome])).toEqual([
      ['active', 'applied'],
      ['past_due', 'stale'],
    ]);
    expect(await row(subscriptionId)).toMatchObject({ status: 'active', provider_updated_at: '2014-07-25T00:00:30.000Z' });
    at(NOW.toISOString());
  });

  it('a bad signature answers 400 and changes nothing', async () => {
    const { subscriptionId } = await subscribe('tamper@example.org');
    const before = await row(subscriptionId);
    const events = await eventCount();
    const event = standIn().createEvent('customer.subscription.updated', {
      ...standIn().subscription(subscriptionId)!,
      status: 'canceled',
    });
    const payload = JSON.stringify(event, null, 2);
    const post = (body: string, signature: string) =>
      ms.site.app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        payload: body,
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      });
    const timestamp = Math.floor(NOW.getTime() / 1000);

    const wrongSecret = await post(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours', timestamp }));
    expect(wrongSecret.statusCode).toBe(400);
    expect(wrongSecret.json()).toMatchObject({ error: { code: 'invalid_input', details: { reason: 'webhook_signature' } } });
    const tampered = await post(payload.replace('"canceled"', '"active"'), standIn().signatureFor(payload));
    expect(tampered.statusCode).toBe(400);
    expect((await post(payload, '')).statusCode).toBe(400);

    expect(await row(subscriptionId)).toEqual(before);
    expect(await eventCount()).toBe(events);
    // The same bytes, correctly signed, are accepted.
    const good = await post(payload, standIn().signatureFor(payload));
    expect(good.statusCode).toBe(200);
    expect((await row(subscriptionId)).status).toBe('canceled');
  });

  it('refuses with 400, changing nothing, events with impossible times and signatures from the future', async () => {
    const { subscriptionId } = await subscribe('time-travel@example.org');
    const before = await row(subscriptionId);
    const events = await eventCount();
    const post = (body: string, signature: string) =>
      ms.site.app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        payload: body,
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      });
    const now = Math.floor(ms.site.clock.now().getTime() / 1000);
    const snapshot = () => ({ ...standIn().subscription(subscriptionId)!, status: 'canceled' });
    const absurd = [1e15, 2 ** 53 - 1, 253_402_300_800];
    const payloads: string[] = [];
    // Any Unix time past year 9999, in any timestamp field; and a created time ahead of our clock.
    for (const value of absurd) {
      payloads.push(JSON.stringify(standIn().createEvent('customer.subscription.updated', snapshot(), { created: value })));
      payloads.push(JSON.stringify(standIn().createEvent('customer.subscription.updated', { ...snapshot(), cancel_at: value })));
      payloads.push(JSON.stringify(standIn().createEvent('customer.subscription.updated', { ...snapshot(), current_period_end: value })));
      const items = snapshot();
      const withItems = {
        ...items,
        items: { ...items.items, data: items.items.data.map((item) => ({ ...item, current_period_end: value })) },
      };
      payloads.push(JSON.stringify(standIn().createEvent('customer.subscription.updated', withItems)));
    }
    for (const ahead of [3600, 86_400, 10 * 365 * 86_400]) {
      payloads.push(JSON.stringify(standIn().createEvent('customer.subscription.updated', snapshot(), { created: now + ahead })));
    }
    for (const payload of payloads) {
      const res = await post(payload, standIn().signatureFor(payload));
      expect(res.statusCode, payload.slice(0, 120)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { reason: 'webhook_payload' } });
    }
    // A good event, signed an hour (a day, ten years) from now: refused, as a replay kept for later.
    const payload = JSON.stringify(standIn().createEvent('customer.subscription.updated', snapshot()));
    for (const ahead of [3600, 86_400, 10 * 365 * 86_400]) {
      const res = await post(payload, standIn().signatureFor(payload, now + ahead));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_input', details: { reason: 'webhook_signature' } });
    }
    expect(await row(subscriptionId)).toEqual(before);
    expect(await eventCount()).toBe(events);
    // Signed now, the same event is applied.
    expect((await post(payload, standIn().signatureFor(payload))).statusCode).toBe(200);
    expect((await row(subscriptionId)).status).toBe('canceled');
  });

  it('Manage billing opens a portal session for the member’s customer', async () => {
    const { browser, subscriptionId } = await subscribe('portal@example.org');
    const account = await browser.get('/tr/account');
    expect(account.body).toContain('Ödemeleri yönet');
    const res = await browser.post('/tr/account/billing', { csrf: csrfIn(account.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${standIn().url}/billing_portal/bps_`));
    const request = standIn().requestsTo('POST', '/v1/billing_portal/sessions').at(-1)!;
    expect(request.form).toEqual({
      customer: standIn().subscription(subscriptionId)!.customer,
      return_url: `${SITE}/tr/account`,
      locale: 'tr',
    });
  });

  it('cancelling keeps access until the paid period ends; a new checkout gets no second trial', async () => {
    const { browser, subscriptionId } = await subscribe('cancel@example.org');
    at('2014-07-24T12:00:00Z');
    await standIn().updateSubscription(subscriptionId, { status: 'active', current_period_end: Date.parse('2014-08-24T12:00:00Z') / 1000 });
    at('2014-07-30T00:00:00Z');
    await standIn().updateSubscription(subscriptionId, { cancel_at_period_end: true });
    // The reader keeps reading: their session (30 days after last use) stays alive.
    expect(text((await browser.get('/en/account')).body)).toContain('Active until');
    at('2014-08-24T12:00:00Z');
    await standIn().deleteSubscription(subscriptionId);
    expect((await row(subscriptionId)).status).toBe('canceled');
    const { reader } = await ms.api.resolveReader(browser.cookieHeader, new Date('2014-08-24T11:00:00Z'));
    expect(reader).toMatchObject({ subscription: { status: 'canceled', currentPeriodEnd: new Date('2014-08-24T12:00:00Z') } });

    const page = await browser.get('/en/subscribe');
    const res = await browser.post('/en/subscribe', { csrf: csrfIn(page.body), plan: 'supporter', interval: 'yearly' });
    expect(res.statusCode).toBe(303);
    const form = standIn().requestsTo('POST', '/v1/checkout/sessions').at(-1)!.form;
    expect(form.subscription_data).toEqual({ metadata: { memberId: expect.any(String) } });
    expect(form.customer).toBe(standIn().subscription(subscriptionId)!.customer);
    at(NOW.toISOString());
  });
});

describe.each(DIALECTS)('members without payments configured (%s)', (dialect) => {
  let ms: MembersSite;
  beforeAll(async () => {
    ms = await startMembersSite(dialect);
  });
  afterAll(async () => {
    await ms?.close();
  });

  it('the plans page explains that payments are not configured, and nothing crashes', async () => {
    const browser = new Browser(ms.site.app);
    await signIn(ms, browser, 'nopay@example.org');
    const page = await browser.get('/en/subscribe');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Payments are not configured on this site yet');
    expect(page.body).not.toContain('name="interval"');
    const csrf = csrfIn((await browser.get('/en/account')).body);
    const res = await browser.post('/en/subscribe', { csrf, plan: 'supporter', interval: 'monthly' });
    expect(res.statusCode).toBe(503);
    expect(text(res.body)).toContain('Subscriptions are not available');
    expect((await ms.site.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: '{}' })).statusCode).toBe(404);
  });
});
