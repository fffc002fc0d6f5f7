import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { ADMIN, API, asStaff, setUpAdmin, signIn } from '../support/staff.js';
import { settleJobs, startTestSite, type TestSite } from '../support/test-site.js';

const NEW_PASSWORD = 'a brand new passphrase';
const LINK = /https:\/\/news\.example\.org\/admin\/reset-password\?token=([\w%-]+)/;

describe.each(DIALECTS)('password reset by mail (%s)', (dialect) => {
  let smtp: TestSmtpServer;
  let site: TestSite;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    site = await startTestSite(dialect, { SMTP_URL: smtp.url }, { runJobs: true });
    await setUpAdmin(site.app);
  });
  afterAll(async () => {
    await site?.close();
    await smtp?.close();
  });

  const requestReset = (email: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'POST', url: `${API}/password-reset`, payload: { email }, headers });
  const confirm = (token: string, password: string) =>
    site.app.inject({ method: 'POST', url: `${API}/password-reset/confirm`, payload: { token, password } });
  const tokenIn = (mail: ReceivedMail) => decodeURIComponent(LINK.exec(mail.text)?.[1] ?? '');
  const resetJobs = () =>
    site.services.database.db.selectFrom('jobs').selectAll().where('type', '=', 'staff.reset-mail').orderBy('id').execute();
  let seen = 0;
  /** The next mail this suite receives. */
  const nextMail = async () => {
    const index = seen++;
    await smtp.waitFor(() => smtp.messages.length > index);
    await settleJobs(site.services);
    return smtp.messages[index] as ReceivedMail;
  };

  it('mails a reset link over SMTP, and the token sets a new password and ends every session', async () => {
    const session = await signIn(site.app, ADMIN.email, ADMIN.password);
    const res = await requestReset('ADA@example.org');
    expect(res.statusCode).toBe(202);
    const mail = await nextMail();
    expect(mail.to).toEqual([ADMIN.email]);
    expect(mail.from).toBe('no-reply@news.example.org');
    expect(mail.subject).toBe('The Masthead Chronicle: reset your newsroom password');
    expect(mail.text).toContain(`Hello ${ADMIN.name},`);
    const token = tokenIn(mail);
    expect(token).toMatch(/^[\w-]{43}$/);

    const stored = await site.services.database.db.selectFrom('password_resets').selectAll().execute();
    expect(stored.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);

    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await asStaff(site.app, session, 'GET', '/session')).statusCode).toBe(401);
    const old = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: ADMIN.email, password: ADMIN.password } });
    expect(old.statusCode).toBe(401);
    expect((await signIn(site.app, ADMIN.email, NEW_PASSWORD)).staff.email).toBe(ADMIN.email);

    const reused = await confirm(token, 'yet another passphrase');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'token' } });
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const before = smtp.messages.length;
    const jobsBefore = await resetJobs();
    expect((await requestReset('stranger@example.org')).statusCode).toBe(202);
    expect(await resetJobs()).toEqual(jobsBefore);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.length).toBe(before);
  });

  it('writes the mail in Turkish for a Turkish browser', async () => {
    expect((await requestReset(ADMIN.email, { 'accept-language': 'tr-TR,tr;q=0.9,en;q=0.5' })).statusCode).toBe(202);
    const mail = await nextMail();
    expect(mail.subject).toBe('The Masthead Chronicle: haber merkezi parolanızı sıfırlayın');
    expect(mail.text).toContain(`Merhaba ${ADMIN.name},`);
    expect(mail.text).toContain('bir saat içinde');
    expect(tokenIn(mail)).toMatch(/^[\w-]{43}$/);
  });

  it('refuses an expired link (older than one hour) and a made-up one', async () => {
    site.clock.set(new Date(NOW.getTime() + 2 * 60 * 60 * 1000));
    try {
      expect((await requestReset(ADMIN.email)).statusCode).toBe(202);
      const token = tokenIn(await nextMail());
      site.clock.set(new Date(NOW.getTime() + 3 * 60 * 60 * 1000 + 1000));
      const expired = await confirm(token, 'too late for this one');
      expect(expired.statusCode).toBe(400);
      expect(expired.json().error.code).toBe('invalid_input');
      expect((await confirm('made-up-token', 'too late for this one')).statusCode).toBe(400);
      expect((await signIn(site.app, ADMIN.email, NEW_PASSWORD)).staff.email).toBe(ADMIN.email);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('stops mailing one address after three requests an hour, still answering 202', async () => {
    site.clock.set(new Date(NOW.getTime() + 10 * 60 * 60 * 1000));
    try {
      for (let i = 0; i < 3; i++) {
        expect((await requestReset(ADMIN.email)).statusCode).toBe(202);
        await nextMail();
      }
      const before = smtp.messages.length;
      expect((await requestReset(ADMIN.email)).statusCode).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.messages.length).toBe(before);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('still mails the owner a reset link while an attacker floods requests for their address from elsewhere', async () => {
    site.clock.set(new Date(NOW.getTime() + 20 * 60 * 60 * 1000));
    const from = (ip: string) =>
      site.app.inject({ method: 'POST', url: `${API}/password-reset`, payload: { email: ADMIN.email }, remoteAddress: ip });
    try {
      // One attacker address: three mails, then dropped.
      for (let i = 0; i < 6; i++) expect((await from('203.0.113.66')).statusCode).toBe(202);
      for (let i = 0; i < 3; i++) expect((await nextMail()).to).toEqual([ADMIN.email]);
      // Seven more addresses bring the account to its hourly ten; they are dropped when they ask again.
      for (let a = 0; a < 7; a++) expect((await from(`198.51.100.${a + 70}`)).statusCode).toBe(202);
      for (let i = 0; i < 7; i++) expect((await nextMail()).to).toEqual([ADMIN.email]);
      for (let a = 0; a < 7; a++) expect((await from(`198.51.100.${a + 70}`)).statusCode).toBe(202);
      // The owner, from an address of their own, gets a working link.
      expect((await from('192.0.2.200')).statusCode).toBe(202);
      const mail = await nextMail();
      expect(mail.to).toEqual([ADMIN.email]);
      expect(tokenIn(mail)).toMatch(/^[\w-]{43}$/);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('counts an IPv6 /64 as one address and an IPv4 address however spelled as one, and still mails the owner', async () => {
    site.clock.set(new Date(NOW.getTime() + 40 * 60 * 60 * 1000));
    const from = (ip: string) =>
      site.app.inject({ method: 'POST', url: `${API}/password-reset`, payload: { email: ADMIN.email }, remoteAddress: ip });
    const jobs = async () => (await resetJobs()).length;
    try {
      const before = await jobs();
      // Six hosts of one /64, each asking once: three mails, then dropped (still 202).
      for (let i = 1; i <= 6; i++) expect((await from(`2001:db8:7:8:${i}::${i}`)).statusCode).toBe(202);
      expect(await jobs()).toBe(before + 3);
      // One IPv4 address, spelled plain and IPv4-mapped: three mails, then dropped.
      for (const ip of ['203.0.113.90', '::ffff:203.0.113.90', '::ffff:cb00:715a', '203.0.113.90', '::FFFF:203.0.113.90']) {
        expect((await from(ip)).statusCode).toBe(202);
      }
      expect(await jobs()).toBe(before + 6);
      // The owner, from an address of their own, gets a working link.
      expect((await from('2001:db8:7:9::1')).statusCode).toBe(202);
      expect(await jobs()).toBe(before + 7);
      for (let i = 0; i < 7; i++) expect((await nextMail()).to).toEqual([ADMIN.email]);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('rejects a too-short new password, naming the field', async () => {
    const res = await confirm('whatever', 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('password');
  });

  it('a mail the SMTP server refuses (451) is retried with backoff and arrives; the answer never waits for SMTP', async () => {
    // Its own hour (the flood test above has NOW + 20 h), so its job is the only one created at `start`.
    const start = new Date(NOW.getTime() + 30 * 60 * 60 * 1000);
    site.clock.set(start);
    try {
      const refusedBefore = smtp.refused.length;
      smtp.refuseNext(2);
      const res = await requestReset(ADMIN.email);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({});

      // The mail is a job of the durable queue: the first attempt was refused and is waiting for its retry.
      const job = async () => (await resetJobs()).find((j) => j.created_at === start.toISOString());
      const failed = await vi.waitFor(async () => {
        const row = await job();
        expect(row).toMatchObject({ status: 'failed', attempts: 1, run_at: new Date(start.getTime() + 15_000).toISOString() });
        return row!;
      });
      expect(failed.last_error).toContain('451');
      expect(smtp.refused.slice(refusedBefore)).toEqual([ADMIN.email]);
      // Ids and the language only: the token is minted by the attempt that sends it, never queued.
      expect(JSON.parse(failed.payload)).toEqual({ staffId: expect.any(String), locale: 'en' });

      site.clock.set(new Date(start.getTime() + 16_000));
      await vi.waitFor(async () => expect(await job()).toMatchObject({ status: 'failed', attempts: 2 }));
      site.clock.set(new Date(start.getTime() + 16_000 + 31_000));
      const mail = await nextMail();
      expect(smtp.refused.slice(refusedBefore)).toEqual([ADMIN.email, ADMIN.email]);
      expect(mail.to).toEqual([ADMIN.email]);
      const token = tokenIn(mail);
      await vi.waitFor(async () => expect(await job()).toMatchObject({ status: 'done', attempts: 3 }));
      const done = (await job())!;
      expect(done.payload).not.toContain(token);
      expect(done.last_error ?? '').not.toContain(token);

      // The delivered link works (within its hour, counted from sending).
      expect((await confirm(token, 'the passphrase after a retry')).statusCode).toBe(204);
      expect((await signIn(site.app, ADMIN.email, 'the passphrase after a retry')).staff.email).toBe(ADMIN.email);
    } finally {
      site.clock.set(NOW);
    }
  });
});
