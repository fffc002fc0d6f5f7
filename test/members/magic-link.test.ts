import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { text } from '../support/html-probe.js';
import { Browser, csrfIn, linkIn, setCookies, signIn, startMembersSite, type MembersSite } from './member-kit.js';

describe.each(DIALECTS)('members sign in by magic link (%s)', (dialect) => {
  let ms: MembersSite;
  beforeAll(async () => {
    ms = await startMembersSite(dialect);
  });
  afterAll(async () => {
    await ms?.close();
  });
  const db = () => ms.site.services.database.db;
  const app = () => ms.site.app;

  it('mails a sign-up link over SMTP; GET confirms, POST creates the member and signs in', async () => {
    const browser = new Browser(app());
    const page = await browser.get('/en/sign-in?return=%2Fen%2Faccount');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(setCookies(page).find((c) => c.startsWith('mh_csrf='))).toMatch(/HttpOnly; SameSite=Lax; Secure$/);

    const res = await browser.post('/en/sign-in', { csrf: csrfIn(page.body), email: ' Reader.One@Example.org ', return: '/en/account' });
    expect(res.statusCode).toBe(202);
    expect(text(res.body)).toContain('Check your inbox');

    const mail = await ms.mailTo('reader.one@example.org');
    expect(mail.subject).toBe('Confirm your email for The Masthead Chronicle');
    expect(mail.text).toContain('within 15 minutes');
    const link = linkIn(mail);
    // Hashed at rest: the table holds the SHA-256 of the token, never the token.
    const stored = await db()
      .selectFrom('magic_links')
      .select(['token_hash', 'purpose', 'expires_at'])
      .where('email', '=', 'reader.one@example.org')
      .execute();
    expect(stored).toEqual([
      {
        token_hash: createHash('sha256').update(link.token).digest('hex'),
        purpose: 'sign_up',
        expires_at: new Date(NOW.getTime() + 15 * 60_000).toISOString(),
      },
    ]);
    expect(await db().selectFrom('members').selectAll().execute()).toEqual([]);

    // A mail scanner following the link only sees a button.
    const confirm = await browser.get(link.path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Create my account');
    expect(await db().selectFrom('members').selectAll().execute()).toEqual([]);

    const done = await browser.post('/en/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/account');
    const cookie = setCookies(done).find((c) => c.startsWith('mh_member='));
    expect(cookie).toMatch(/^mh_member=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/);

    const account = await browser.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('reader.one@example.org');
    const member = await db().selectFrom('members').select(['email', 'preferred_edition']).executeTakeFirstOrThrow();
    expect(member).toEqual({ email: 'reader.one@example.org', preferred_edition: 'en' });

    // The link works once.
    const again = await new Browser(app()).get(link.path);
    expect(again.statusCode).toBe(400);
    expect(text(again.body)).toContain('This link no longer works');
    const replay = await browser.post('/en/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
    expect(replay.statusCode).toBe(400);
  });

  it('a known address gets a sign-in link in the edition it asked from', async () => {
    const first = new Browser(app());
    await signIn(ms, first, 'known@example.org');
    const other = new Browser(app());
    const form = await other.get('/tr/sign-in');
    expect((await other.post('/tr/sign-in', { csrf: csrfIn(form.body), email: 'known@example.org' })).statusCode).toBe(202);
    const mail = await ms.mailTo('known@example.org');
    expect(mail.subject).toBe('The Masthead Chronicle oturum açma bağlantınız');
    const link = linkIn(mail);
    expect(link.locale).toBe('tr');
    const confirm = await other.get(link.path);
    expect(confirm.body).toContain('Oturum aç');
    const done = await other.post('/tr/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
    expect(done.headers.location).toBe('/tr/account');
    expect(await db().selectFrom('members').select('id').where('email', '=', 'known@example.org').execute()).toHaveLength(1);
  });

  it('an expired link (16 minutes later) fails and signs nobody in', async () => {
    const browser = new Browser(app());
    const form = await browser.get('/en/sign-in');
    await browser.post('/en/sign-in', { csrf: csrfIn(form.body), email: 'late@example.org' });
    const link = linkIn(await ms.mailTo('late@example.org'));
    const confirm = await browser.get(link.path);
    try {
      ms.site.clock.set(new Date(NOW.getTime() + 16 * 60_000));
      expect((await browser.get(link.path)).statusCode).toBe(400);
      const res = await browser.post('/en/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
      expect(res.statusCode).toBe(400);
      expect(browser.cookies.has('mh_member')).toBe(false);
    } finally {
      ms.site.clock.set(NOW);
    }
    expect(await db().selectFrom('members').select('id').where('email', '=', 'late@example.org').execute()).toEqual([]);
  });

  it('answers known and unknown addresses with byte-identical responses', async () => {
    await signIn(ms, new Browser(app()), 'exists@example.org');
    const ask = async (email: string) => {
      const browser = new Browser(app());
      const form = await browser.get('/en/sign-in');
      return browser.post('/en/sign-in', { csrf: csrfIn(form.body), email });
    };
    const known = await ask('exists@example.org');
    const unknown = await ask('nobody-here@example.org');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.rawPayload.equals(unknown.rawPayload)).toBe(true);
    const strip = (h: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(h).filter(([k]) => !['x-request-id', 'date'].includes(k)));
    expect(strip(known.headers)).toEqual(strip(unknown.headers));
    // Both were mailed: the work behind the answer is the same too.
    expect((await ms.mailTo('exists@example.org')).subject).toContain('Sign in');
    expect((await ms.mailTo('nobody-here@example.org')).subject).toContain('Confirm your email');
  });

  it('refuses a form without its CSRF token', async () => {
    const browser = new Browser(app());
    await browser.get('/en/sign-in');
    const res = await browser.post('/en/sign-in', { csrf: 'x'.repeat(43), email: 'csrf@example.org' });
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('This form has expired');
  });

  it('answers a bad address with the localized form and 400', async () => {
    const browser = new Browser(app());
    const form = await browser.get('/ar/sign-in');
    const res = await browser.post('/ar/sign-in', { csrf: csrfIn(form.body), email: 'not an address' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('لا يبدو هذا عنوان بريد إلكتروني');
  });

  it('limits requests per address and per email with a localized 429 page', async () => {
    const browser = new Browser(app());
    const form = await browser.get('/fa/sign-in');
    const csrf = csrfIn(form.body);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await browser.post('/fa/sign-in', { csrf, email: `ip-${i}@example.org` })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    const limited = await browser.post('/fa/sign-in', { csrf, email: 'ip-last@example.org' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('<html lang="fa" dir="rtl">');
    expect(text(limited.body)).toContain('تلاش‌های بیش از حد');

    // Per email and address: the sixth request for one email from one address is refused.
    const attacker = new Browser(app());
    const f = await attacker.get('/en/sign-in');
    const perEmail: number[] = [];
    for (let i = 0; i < 6; i++)
      perEmail.push((await attacker.post('/en/sign-in', { csrf: csrfIn(f.body), email: 'target@example.org' })).statusCode);
    expect(perEmail).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('mails the owner a sign-in link while an attacker floods requests for their address from elsewhere', async () => {
    const email = 'flooded@example.org';
    const request = async (browser: Browser) => {
      const form = await browser.get('/en/sign-in');
      return (await browser.post('/en/sign-in', { csrf: csrfIn(form.body), email })).statusCode;
    };
    // One attacker address, then many (ten addresses reach the email's hourly cap of ten links).
    const one = new Browser(app());
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push(await request(one));
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    const many = Array.from({ length: 5 }, () => new Browser(app()));
    for (const b of many) expect(await request(b)).toBe(202);
    // Over the cap, an address that already asked waits; each address adds at most one more mail.
    for (const b of many) expect(await request(b)).toBe(429);
    for (let i = 0; i < 5 + 5; i++) await ms.mailTo(email);

    const owner = new Browser(app());
    await signIn(ms, owner, email);
    expect((await owner.get('/en/account')).statusCode).toBe(200);
  });

  it('counts an IPv6 /64 as one address and an IPv4 address however spelled as one; the owner still signs in', async () => {
    const request = async (browser: Browser, email: string) => {
      const form = await browser.get('/en/sign-in');
      return (await browser.post('/en/sign-in', { csrf: csrfIn(form.body), email })).statusCode;
    };
    // Eight hosts of one /64, each asking once for one email: five links, then 429.
    const email = 'sixty-four@example.org';
    const hosts = [
      '2001:db8:e:f::1',
      '2001:DB8:E:F::2',
      '2001:0db8:000e:000f:0000:0000:0000:0003',
      '2001:db8:e:f:ffff::4',
      '2001:db8:e:f::5%eth0',
    ];
    for (let i = 6; i <= 8; i++) hosts.push(`2001:db8:e:f:${i}:${i}:${i}:${i}`);
    const codes: number[] = [];
    for (const host of hosts) codes.push(await request(new Browser(app(), host), email));
    expect(codes).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    for (let i = 0; i < 5; i++) await ms.mailTo(email);

    // One IPv4 address, plain and IPv4-mapped: five links, then 429.
    const mappedEmail = 'mapped@example.org';
    const spellings = ['198.18.0.7', '::ffff:198.18.0.7', '::ffff:c612:7', '0:0:0:0:0:FFFF:198.18.0.7'];
    const mapped: number[] = [];
    for (let i = 0; i < 6; i++) mapped.push(await request(new Browser(app(), spellings[i % 4]), mappedEmail));
    expect(mapped).toEqual([202, 202, 202, 202, 202, 429]);
    for (let i = 0; i < 5; i++) await ms.mailTo(mappedEmail);

    // Twenty requests per /64 in 15 minutes, whatever the emails and host bits.
    const perAddress: number[] = [];
    for (let i = 1; i <= 21; i++)
      perAddress.push(await request(new Browser(app(), `2001:db8:e:10:${i.toString(16)}::1`), `host-${i}@example.org`));
    expect(perAddress.slice(0, 20).every((c) => c === 202)).toBe(true);
    expect(perAddress[20]).toBe(429);

    // The owner, from another /64, signs in.
    const owner = new Browser(app(), '2001:db8:e:11::1');
    await signIn(ms, owner, email);
    expect((await owner.get('/en/account')).statusCode).toBe(200);
  });

  it('signs out everywhere: every session of the member ends', async () => {
    const laptop = new Browser(app());
    const phone = new Browser(app());
    await signIn(ms, laptop, 'two-devices@example.org');
    await signIn(ms, phone, 'two-devices@example.org');
    expect((await phone.get('/en/account')).statusCode).toBe(200);

    const res = await laptop.submit('/en/account', '/en/account/sign-out-everywhere');
    expect(res.statusCode).toBe(303);
    expect(laptop.cookies.has('mh_member')).toBe(false);
    const after = await phone.get('/en/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/en/sign-in?return=%2Fen%2Faccount');
    expect(await ms.api.resolveReader(phone.cookieHeader, NOW)).toMatchObject({ memberId: null, reader: { kind: 'anonymous' } });
  });

  it('never redirects off the site after signing in', async () => {
    const browser = new Browser(app());
    const form = await browser.get('/en/sign-in?return=https%3A%2F%2Fevil.example');
    expect(form.body).toContain('name="return" value="/en/account"');
    await browser.post('/en/sign-in', { csrf: csrfIn(form.body), email: 'safe@example.org', return: '//evil.example/x' });
    const link = linkIn(await ms.mailTo('safe@example.org'));
    const confirm = await browser.get(link.path);
    const done = await browser.post('/en/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
    expect(done.headers.location).toBe('/en/account');
  });

  it('returns to a non-ASCII path percent-encoded, signed in, and never off the site', async () => {
    const onSite: Array<[string, string]> = [
      ['/\u3000/x', '/%E3%80%80/x'],
      ['/tr/ölçü-haber', '/tr/%C3%B6l%C3%A7%C3%BC-haber'],
      ['/ar/مقال?q=خبر#ع', '/ar/%D9%85%D9%82%D8%A7%D9%84?q=%D8%AE%D8%A8%D8%B1#%D8%B9'],
      ['/fa/خبر\u200cها', '/fa/%D8%AE%D8%A8%D8%B1%E2%80%8C%D9%87%D8%A7'],
      ['/en/🙂 a"b<c>', '/en/%F0%9F%99%82%20a%22b%3Cc%3E'],
    ];
    const offSite = [
      '//evil.example/x',
      '/\\evil.example',
      '/\\/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/.//evil.example',
      '/\t/evil.example',
      ' /en',
      '/en/\u202Eevil',
      'evil.example',
    ];
    let n = 0;
    const follow = async (returnPath: string) => {
      const browser = new Browser(app());
      const email = `return-${++n}@example.org`;
      const form = await browser.get('/en/sign-in');
      expect((await browser.post('/en/sign-in', { csrf: csrfIn(form.body), email, return: returnPath })).statusCode).toBe(202);
      const link = linkIn(await ms.mailTo(email));
      const confirm = await browser.get(link.path);
      const done = await browser.post('/en/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
      expect(done.statusCode, `${JSON.stringify(returnPath)}: ${done.body.slice(0, 200)}`).toBe(303);
      expect(browser.cookies.has('mh_member')).toBe(true);
      expect((await browser.get('/en/account')).statusCode).toBe(200);
      return String(done.headers.location);
    };
    for (const [returnPath, location] of onSite) expect(await follow(returnPath)).toBe(location);
    for (const returnPath of offSite) expect(await follow(returnPath), JSON.stringify(returnPath)).toBe('/en/account');
  });

  it('a link the SMTP server refuses (451) is retried with backoff and arrives; the answer never waits for SMTP', async () => {
    const start = new Date(NOW.getTime() + 2 * 60 * 60_000);
    ms.site.clock.set(start);
    try {
      const refusedBefore = ms.smtp.refused.length;
      ms.smtp.refuseNext(2);
      const browser = new Browser(app());
      const form = await browser.get('/tr/sign-in?return=%2Ftr%2Faccount');
      const res = await browser.post('/tr/sign-in', {
        csrf: csrfIn(form.body),
        email: 'Patient.Reader@example.org',
        return: '/tr/account',
      });
      expect(res.statusCode).toBe(202);

      // The mail is a job of the durable queue; its first attempt was refused and waits 15 s for a retry.
      const job = async () =>
        db()
          .selectFrom('jobs')
          .selectAll()
          .where('type', '=', 'member.sign-in-mail')
          .where('created_at', '=', start.toISOString())
          .executeTakeFirst();
      const failed = await vi.waitFor(async () => {
        const row = await job();
        expect(row).toMatchObject({ status: 'failed', attempts: 1, run_at: new Date(start.getTime() + 15_000).toISOString() });
        return row!;
      });
      expect(failed.last_error).toContain('451');
      expect(ms.smtp.refused.slice(refusedBefore)).toEqual(['patient.reader@example.org']);
      // What the reader asked for, and no token: the attempt that sends the link mints it.
      expect(JSON.parse(failed.payload)).toEqual({ email: 'patient.reader@example.org', locale: 'tr', returnPath: '/tr/account' });

      ms.site.clock.set(new Date(start.getTime() + 16_000));
      await vi.waitFor(async () => expect(await job()).toMatchObject({ status: 'failed', attempts: 2 }));
      ms.site.clock.set(new Date(start.getTime() + 16_000 + 31_000));
      const mail = await ms.mailTo('patient.reader@example.org');
      expect(mail.subject).toBe('The Masthead Chronicle için e-posta adresinizi doğrulayın');
      const link = linkIn(mail);
      const done = (await job())!;
      expect(done).toMatchObject({ status: 'done', attempts: 3 });
      expect(`${done.payload} ${done.last_error ?? ''}`).not.toContain(link.token);

      // The link works: it is valid for 15 minutes from the attempt that sent it.
      const confirm = await browser.get(link.path);
      expect(confirm.statusCode).toBe(200);
      const signedIn = await browser.post('/tr/sign-in/verify', { csrf: csrfIn(confirm.body), token: link.token });
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe('/tr/account');
    } finally {
      ms.site.clock.set(NOW);
    }
  });
});
