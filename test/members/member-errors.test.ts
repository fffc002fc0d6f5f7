/**
 * Member pages say what actually happened. An error of ours that is not the payment provider's is
 * a server error (500, logged), not "Payments are unavailable"; a refusal that is not about gift
 * links is "Not allowed", not "Gift links are for subscribers"; a conflict that is not a
 * subscription is not "You are already subscribed". Provider failures keep their own page (502).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PaymentProviderError } from '../../src/modules/members/payments/index.js';
import { AppError, conflict, forbidden } from '../../src/shared/errors.js';
import { DIALECTS } from '../support/databases.js';
import { text } from '../support/html-probe.js';
import { Browser, signIn, startMembersSite, type MembersSite } from './member-kit.js';

describe.each(DIALECTS)('member pages: one error mapping (%s)', (dialect) => {
  let ms: MembersSite;
  let browser: Browser;
  beforeAll(async () => {
    ms = await startMembersSite(dialect);
    browser = new Browser(ms.site.app);
    await signIn(ms, browser, 'errors@example.org');
  });
  afterAll(async () => {
    await ms?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const accountFails = (error: Error) => vi.spyOn(ms.site.services.members.accounts, 'overview').mockRejectedValue(error);

  it('answers an internal error that is not the payment provider as a server error, with the request id', async () => {
    accountFails(new AppError('internal', 'the database did not answer'));
    const res = await browser.get('/en/account');
    expect(res.statusCode).toBe(500);
    expect(text(res.body)).toContain('Something went wrong');
    expect(text(res.body)).not.toContain('Payments are unavailable');
    expect(res.body).not.toContain('the database did not answer');
    expect(text(res.body)).toMatch(/Reference: [0-9a-f-]{36}/);
  });

  it('keeps the payment provider page for a provider failure', async () => {
    accountFails(new PaymentProviderError('unavailable', 'Stripe could not be reached'));
    const res = await browser.get('/en/account');
    expect(res.statusCode).toBe(502);
    expect(text(res.body)).toContain('Payments are unavailable right now');
    expect(res.body).not.toContain('Stripe could not be reached');
  });

  it('says "not allowed" for a refusal that is not about gift links', async () => {
    accountFails(forbidden('Members of this list only'));
    const res = await browser.get('/en/account');
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('You are not allowed to do this.');
    expect(text(res.body)).not.toContain('Gift links are for subscribers');
  });

  it('keeps "gift links are for subscribers" for that refusal', async () => {
    accountFails(forbidden('Gift links are for subscribers', { reason: 'not_subscriber' }));
    const res = await browser.get('/en/account');
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('Gift links are for subscribers');
  });

  it('does not call any conflict "already subscribed"', async () => {
    accountFails(conflict('The address changed meanwhile'));
    const res = await browser.get('/en/account');
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain('This could not be done');
    expect(text(res.body)).not.toContain('You already have a subscription');
  });

  it('answers a thrown non-domain error as a server error without its message', async () => {
    accountFails(new TypeError('cannot read properties of undefined (secret internals)'));
    const res = await browser.get('/tr/account');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internals');
    expect(res.body).not.toContain('TypeError');
  });
});
