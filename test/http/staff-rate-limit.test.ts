import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, openServices, type Services } from '../../src/app/container.js';
import { DIALECTS } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { ADMIN, API, setUpAdmin } from '../support/staff.js';
import { startTestSite, type TestSite } from '../support/test-site.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('sign-in rate limits (%s)', (dialect) => {
  let site: TestSite;
  let other: { services: Services; app: FastifyInstance };
  beforeAll(async () => {
    site = await startTestSite(dialect);
    await setUpAdmin(site.app);
    // A second instance of the application on the same database, as in a scaled-out deployment.
    const services = await openServices(site.services.config, site.clock, { migrate: false });
    other = { services, app: createHttpApp(services) };
    await other.app.ready();
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.services.close();
    await site?.close();
  });

  const attempt = (app: FastifyInstance, email: string, password: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password }, remoteAddress: ip });

  it('refuses a sixth attempt from one address after five failures there, even with the right password, until the window passes', async () => {
    try {
      for (let i = 0; i < 5; i++) expect((await attempt(site.app, ADMIN.email, `wrong password ${i}`)).statusCode).toBe(401);
      const limited = await attempt(site.app, ADMIN.email, ADMIN.password);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 900 } });
      expect(limited.headers['retry-after']).toBe('900');

      site.clock.set(new Date(NOW.getTime() + 10 * MINUTE));
      const still = await attempt(site.app, ADMIN.email, ADMIN.password);
      expect(still.statusCode).toBe(429);
      expect(still.json().error.details.retryAfterSeconds).toBe(300);

      site.clock.set(new Date(NOW.getTime() + 15 * MINUTE));
      expect((await attempt(site.app, ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    } finally {
      site.clock.set(NOW);
    }
  });

  it('signs the owner in from another address while an attacker hammers the account', async () => {
    // The attacker, from any one address (v4 or v6), fails, then keeps going until refused.
    for (const attacker of ['203.0.113.50', '2001:db8::bad']) {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await attempt(site.app, ADMIN.email, `guess number ${i}`, attacker)).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5).every((c) => c === 429)).toBe(true);
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '198.51.100.20')).statusCode).toBe(200);
    }
    // The same from the second application instance (the counts are shared, the lock-out is not).
    expect((await attempt(other.app, ADMIN.email, ADMIN.password, '198.51.100.21')).statusCode).toBe(200);
  });

  it('holds a spread-out attack to one guess per address, and the owner still signs in', async () => {
    // An hour on: the earlier tests' failures have left the window.
    site.clock.set(new Date(NOW.getTime() + 60 * MINUTE));
    try {
      // Six addresses fail five times each: the account has had 30 failures in 15 minutes.
      for (let a = 0; a < 6; a++) {
        for (let i = 0; i < 5; i++)
          expect((await attempt(site.app, ADMIN.email, `guess ${a}-${i}`, `203.0.113.${100 + a}`)).statusCode).toBe(401);
      }
      // An address that already failed waits, even with the right password; a fresh one gets one guess.
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '203.0.113.100')).statusCode).toBe(429);
      expect((await attempt(site.app, ADMIN.email, 'fresh guess', '203.0.113.200')).statusCode).toBe(401);
      expect((await attempt(site.app, ADMIN.email, 'second guess', '203.0.113.200')).statusCode).toBe(429);
      // The owner, from an address of their own, signs in.
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '198.51.100.30')).statusCode).toBe(200);
    } finally {
      site.clock.set(NOW);
    }
  }, 60_000);

  it('limits an attacker by its IPv6 /64 and by its IPv4 address however spelled, and the owner still signs in', async () => {
    site.clock.set(new Date(NOW.getTime() + 3 * 60 * MINUTE));
    try {
      // Each guess from another address of one /64 (any spelling, any zone): one client, five failures.
      const spelled = [
        '2001:db8:66:77::1',
        '2001:DB8:66:77::2',
        '2001:0db8:0066:0077:0000:0000:0000:0003',
        '2001:db8:66:77:ffff::4',
        '2001:db8:66:77::5%eth0',
      ];
      const hosts = [...spelled, ...Array.from({ length: 7 }, (_, i) => `2001:db8:66:77:${i + 5}:${i + 5}:${i + 5}:${i + 5}`)];
      const codes: number[] = [];
      for (const [i, host] of hosts.entries()) codes.push((await attempt(site.app, ADMIN.email, `guess ${i}`, host)).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
      // Even with the right password, the /64 waits; another /64 and an IPv4 address do not.
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '2001:db8:66:77::beef')).statusCode).toBe(429);
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '2001:db8:66:78::1')).statusCode).toBe(200);
      expect((await attempt(other.app, ADMIN.email, ADMIN.password, '198.51.100.40')).statusCode).toBe(200);

      // An IPv4 address and its IPv4-mapped IPv6 spellings are one address.
      const spellings = ['203.0.113.80', '::ffff:203.0.113.80', '::FFFF:CB00:7150', '0:0:0:0:0:ffff:203.0.113.80'];
      const mapped: number[] = [];
      for (let i = 0; i < 8; i++) mapped.push((await attempt(site.app, ADMIN.email, `mapped guess ${i}`, spellings[i % 4])).statusCode);
      expect(mapped).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      expect((await attempt(site.app, ADMIN.email, ADMIN.password, '203.0.113.81')).statusCode).toBe(200);
    } finally {
      site.clock.set(NOW);
    }
  }, 60_000);

  it('allows 20 attempts per IPv6 /64, whatever the host bits, and per IPv4 address however spelled', async () => {
    site.clock.set(new Date(NOW.getTime() + 4 * 60 * MINUTE));
    try {
      for (const [first, spell] of [
        ['2001:db8:5:5::', (i: number) => `2001:db8:5:5:${i.toString(16)}::${i.toString(16)}`],
        ['192.0.2.55', (i: number) => (i % 2 === 0 ? '192.0.2.55' : '::ffff:192.0.2.55')],
      ] as const) {
        for (let i = 0; i < 20; i++) expect((await attempt(site.app, `v${i}@example.org`, 'some password', spell(i))).statusCode).toBe(401);
        expect((await attempt(site.app, 'v-last@example.org', 'some password', spell(20))).statusCode).toBe(429);
        expect((await attempt(site.app, 'v-last@example.org', 'some password', first)).statusCode).toBe(429);
      }
      expect((await attempt(site.app, 'v-last@example.org', 'some password', '2001:db8:5:6::1')).statusCode).toBe(401);
    } finally {
      site.clock.set(NOW);
    }
  }, 60_000);

  it('limits unknown emails exactly like known ones', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(site.app, 'ghost@example.org', 'whatever it is', '10.0.0.2')).statusCode).toBe(401);
    expect((await attempt(site.app, 'ghost@example.org', 'whatever it is', '10.0.0.2')).statusCode).toBe(429);
  });

  it('counts failures across two application instances on the same database', async () => {
    const email = 'shared-count@example.org';
    for (let i = 0; i < 3; i++) expect((await attempt(site.app, email, 'wrong password', '10.0.0.3')).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await attempt(other.app, email, 'wrong password', '10.0.0.3')).statusCode).toBe(401);
    expect((await attempt(site.app, email, 'wrong password', '10.0.0.3')).statusCode).toBe(429);
    expect((await attempt(other.app, email, 'wrong password', '10.0.0.3')).statusCode).toBe(429);
  });

  it('allows 20 attempts per address in 15 minutes, across instances, then 429', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 20; i++) {
      const app = i % 2 === 0 ? site.app : other.app;
      expect((await attempt(app, `visitor${i}@example.org`, 'some password', ip)).statusCode).toBe(401);
    }
    const limited = await attempt(site.app, 'visitor-last@example.org', 'some password', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await attempt(site.app, 'visitor-last@example.org', 'some password', '192.0.2.78')).statusCode).toBe(401);
  });

  it('limits password-reset requests per address too', async () => {
    const ip = '192.0.2.90';
    const request = () =>
      site.app.inject({ method: 'POST', url: `${API}/password-reset`, payload: { email: 'nobody@example.org' }, remoteAddress: ip });
    for (let i = 0; i < 10; i++) expect((await request()).statusCode).toBe(202);
    const limited = await request();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });
});
