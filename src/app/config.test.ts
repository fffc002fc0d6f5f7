import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const LOCALES = ['en', 'tr', 'ar', 'fa'];

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, LOCALES);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to SQLite in ./data, 127.0.0.1:3000 and four editions with fallbacks', () => {
    const config = loadConfig({}, LOCALES);
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.kind === 'sqlite' && config.database.file).toMatch(/data[\\/]masthead\.db$/);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.editions.map((e) => e.locale)).toEqual(['en', 'tr', 'ar', 'fa']);
    expect(config.editions.find((e) => e.locale === 'tr')?.includes).toEqual(['en']);
  });

  it('chooses PostgreSQL for a postgres URL and SQLite for a path or sqlite: URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/masthead' }, LOCALES).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }, LOCALES).database).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
    expect(loadConfig({ DATABASE_URL: '/tmp/y.db' }, LOCALES).database).toEqual({ kind: 'sqlite', file: '/tmp/y.db' });
  });

  it('names the bad key and the expected form', () => {
    expect(problems({ PORT: 'eighty' })).toEqual(['PORT: a whole number from 1 to 65535']);
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT: /);
    expect(problems({ PUBLIC_URL: 'news.example.org' })[0]).toMatch(/^PUBLIC_URL: an absolute http\(s\) URL/);
    expect(problems({ DATABASE_URL: 'mysql://root@localhost/x' })[0]).toMatch(/^DATABASE_URL: unsupported scheme/);
    expect(problems({ MIGRATE_ON_START: 'maybe' })[0]).toMatch(/^MIGRATE_ON_START: one of true, false/);
    expect(problems({ DEFAULT_EDITION: 'de' })[0]).toMatch(/^DEFAULT_EDITION: "de" is not one of the editions/);
    expect(problems({ EDITIONS: 'en,de' })[0]).toMatch(/^EDITIONS: no interface catalog for "de"/);
    expect(problems({ EDITIONS: 'en;tr' })[0]).toMatch(/^EDITIONS: a comma-separated list/);
    expect(problems({ TIME_ZONE: 'Mars/Olympus' })[0]).toMatch(/^TIME_ZONE: /);
  });

  it('keeps pages an hour in process; shared caches get 1 s unless a CDN purge URL is set', () => {
    const plain = loadConfig({}, LOCALES);
    expect(plain.pageCacheSeconds).toBe(3600);
    expect(plain.cdn).toEqual({ purgeUrl: null, purgeToken: null, sharedMaxAge: 1, staleWhileRevalidate: 0 });
    const cdn = loadConfig(
      { CDN_PURGE_URL: 'https://api.cloudflare.com/client/v4/zones/z/purge_cache', CDN_PURGE_TOKEN: 't0ken', CDN_MAX_AGE_SECONDS: '600' },
      LOCALES,
    ).cdn;
    expect(cdn).toEqual({
      purgeUrl: 'https://api.cloudflare.com/client/v4/zones/z/purge_cache',
      purgeToken: 't0ken',
      sharedMaxAge: 600,
      staleWhileRevalidate: 30,
    });
    expect(loadConfig({ CDN_PURGE_URL: 'http://127.0.0.1:8080/purge' }, LOCALES).cdn.sharedMaxAge).toBe(3600);
  });

  it('names the CDN key that is wrong', () => {
    for (const bad of ['purge.example.org', 'ftp://cdn.example.org/purge', 'not a url']) {
      expect(problems({ CDN_PURGE_URL: bad })[0]).toMatch(/^CDN_PURGE_URL: an absolute http\(s\) URL/);
    }
    for (const bad of ['0', '-5', '1.5', 'an hour', '99999999']) {
      expect(problems({ CDN_PURGE_URL: 'https://cdn.example.org/purge', CDN_MAX_AGE_SECONDS: bad })[0]).toMatch(
        /^CDN_MAX_AGE_SECONDS: a whole number of seconds/,
      );
    }
    expect(problems({ CDN_MAX_AGE_SECONDS: '600' })).toEqual([
      'CDN_MAX_AGE_SECONDS: requires CDN_PURGE_URL (without a purge, shared caches may keep pages only 1 second)',
    ]);
    expect(problems({ CDN_PURGE_TOKEN: 'x' })).toEqual(['CDN_PURGE_TOKEN: requires CDN_PURGE_URL']);
    expect(problems({ PAGE_CACHE_SECONDS: '100000' })[0]).toMatch(/^PAGE_CACHE_SECONDS: a number of seconds from 0 to 86400/);
  });

  it('reads which proxies to trust for the client address', () => {
    expect(loadConfig({}, LOCALES).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, LOCALES).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }, LOCALES).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(problems({ TRUST_PROXY: 'everyone' })[0]).toMatch(/^TRUST_PROXY: false, true, a number of proxy hops/);
  });

  it('reads editions with their included source locales from EDITIONS', () => {
    const config = loadConfig({ EDITIONS: 'tr:en+ar,en', DEFAULT_EDITION: 'tr' }, LOCALES);
    expect(config.editions).toEqual([
      { locale: 'tr', includes: ['en', 'ar'], siteName: 'The Masthead Chronicle' },
      { locale: 'en', includes: [], siteName: 'The Masthead Chronicle' },
    ]);
    expect(config.defaultEdition).toBe('tr');
  });

  it('reads a JSON file named by MASTHEAD_CONFIG, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
    const file = join(dir, 'masthead.json');
    writeFileSync(file, JSON.stringify({ siteName: 'Aegean Observer', editions: [{ locale: 'tr', includes: ['en'] }, { locale: 'en' }] }));
    const config = loadConfig({ MASTHEAD_CONFIG: file, SITE_NAME: 'Override' }, LOCALES);
    expect(config.siteName).toBe('Override');
    expect(config.defaultEdition).toBe('tr');
    writeFileSync(file, JSON.stringify({ editions: [{ locale: 'tr', colour: 'red' }] }));
    expect(problems({ MASTHEAD_CONFIG: file })[0]).toMatch(/masthead\.json: editions\.0: Unrecognized key: "colour"/);
    writeFileSync(file, '{ not json');
    expect(problems({ MASTHEAD_CONFIG: file })[0]).toMatch(/^MASTHEAD_CONFIG: .* is not valid JSON/);
  });

  it("reads an edition's digits (a CLDR numbering system) from the file; absent means the language's default", () => {
    const dir = mkdtempSync(join(tmpdir(), 'masthead-config-'));
    const file = join(dir, 'masthead.json');
    writeFileSync(file, JSON.stringify({ editions: [{ locale: 'en' }, { locale: 'ar', includes: ['en'], digits: 'arab' }] }));
    const config = loadConfig({ MASTHEAD_CONFIG: file }, LOCALES);
    expect(config.editions.find((e) => e.locale === 'ar')?.digits).toBe('arab');
    expect(config.editions.find((e) => e.locale === 'en')).not.toHaveProperty('digits');
    writeFileSync(file, JSON.stringify({ editions: [{ locale: 'ar', digits: 'roman' }] }));
    expect(problems({ MASTHEAD_CONFIG: file })[0]).toMatch(/masthead\.json: editions\.0\.digits/);
  });
});
