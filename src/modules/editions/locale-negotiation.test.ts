import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale-negotiation.js';

const EDITIONS = ['en', 'tr', 'ar', 'fa'] as const;
const negotiate = (header: string | undefined) => negotiateLocale(header, EDITIONS, 'en');

describe('negotiateLocale', () => {
  it('returns the fallback without a usable header', () => {
    expect(negotiate(undefined)).toBe('en');
    expect(negotiate('')).toBe('en');
    expect(negotiate('de, fr;q=0.8')).toBe('en');
    expect(negotiateLocale('tr', [], 'en')).toBe('en');
  });

  it('matches exact tags case-insensitively and returns the available spelling', () => {
    expect(negotiate('tr')).toBe('tr');
    expect(negotiate('AR')).toBe('ar');
    expect(negotiateLocale('pt-br', ['en', 'pt-BR'], 'en')).toBe('pt-BR');
  });

  it('matches regional tags to their language', () => {
    expect(negotiate('tr-TR')).toBe('tr');
    expect(negotiate('fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('fa');
    expect(negotiate('ar-EG')).toBe('ar');
    expect(negotiateLocale('pt', ['en', 'pt-BR'], 'en')).toBe('pt-BR');
  });

  it('prefers an exact regional edition over the bare language', () => {
    expect(negotiateLocale('en-GB', ['en', 'en-GB'], 'en')).toBe('en-GB');
    expect(negotiateLocale('en-GB', ['en-US', 'en'], 'en-US')).toBe('en');
  });

  it('lets the highest q win regardless of order, ties in header order', () => {
    expect(negotiate('en;q=0.5, tr;q=0.9')).toBe('tr');
    expect(negotiate('ar;q=0.8, fa;q=0.8')).toBe('ar');
    expect(negotiate('fa;q=0.8, ar;q=0.8')).toBe('fa');
    expect(negotiate('de, fa;q=0.3, tr;q=0.2')).toBe('fa');
  });

  it('treats q=0 as not acceptable', () => {
    expect(negotiate('tr;q=0')).toBe('en');
    expect(negotiate('tr;q=0, ar;q=0.1')).toBe('ar');
    expect(negotiateLocale('tr;q=0', ['tr', 'ar'], 'ar')).toBe('ar');
    expect(negotiate('tr-TR, tr;q=0, fa;q=0.5')).toBe('fa');
  });

  it('honours * for anything not refused, preferring the fallback', () => {
    expect(negotiate('de, *;q=0.5')).toBe('en');
    expect(negotiateLocale('en;q=0, *', ['en', 'tr'], 'en')).toBe('tr');
    expect(negotiate('*;q=0.1, ar;q=0.5')).toBe('ar');
  });

  it('ignores malformed entries instead of guessing', () => {
    expect(negotiate('tr;q=2, ar')).toBe('ar');
    expect(negotiate('tr;q=abc, fa;q=0.5')).toBe('fa');
    expect(negotiate('tr;q=0.12345, fa;q=0.5')).toBe('fa');
    expect(negotiate('!!, <script>, fa')).toBe('fa');
    expect(negotiate(';;;,,, ,tr')).toBe('tr');
    expect(negotiate('tr_TR')).toBe('tr');
  });

  it('does bounded work on huge headers', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => `x${i % 10}`).join(',');
    const started = performance.now();
    expect(negotiate(`${junk},tr`)).toBe('en');
    expect(negotiate('a'.repeat(1_000_000))).toBe('en');
    expect(performance.now() - started).toBeLessThan(100);
    // Entries beyond the first 40 are not considered.
    const forty = Array.from({ length: 40 }, () => 'de').join(',');
    expect(negotiate(`${forty},tr`)).toBe('en');
  });
});
