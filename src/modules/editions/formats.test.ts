import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './formats.js';

const JULY_2 = new Date('2014-07-02T12:00:00Z');
const LATIN_MONTHS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const PERSIAN_DIGITS = /[۰-۹]/;

describe('formatDate', () => {
  it('uses CLDR medium dates', () => {
    expect(formatDate(JULY_2, 'en')).toBe('Jul 2, 2014');
    expect(formatDate(JULY_2, 'tr')).toBe('2 Tem 2014');
  });

  it('has a long style', () => {
    expect(formatDate(JULY_2, 'en', { style: 'long' })).toBe('July 2, 2014');
    expect(formatDate(JULY_2, 'tr', { style: 'long' })).toBe('2 Temmuz 2014');
  });

  it('formats Arabic without Latin month names', () => {
    expect(formatDate(JULY_2, 'ar')).not.toMatch(LATIN_MONTHS);
    expect(formatDate(JULY_2, 'ar', { style: 'long' })).toContain('يوليو');
  });

  it('names the month in Arabic medium dates too (CLDR ar medium is all digits), with Latin digits by default', () => {
    expect(formatDate(JULY_2, 'ar')).toBe('2 يوليو 2014');
    expect(formatDate(JULY_2, 'ar')).not.toContain('/');
  });

  it('writes the digits an edition chose', () => {
    expect(formatDate(JULY_2, 'ar', { digits: 'arab' })).toBe('٢ يوليو ٢٠١٤');
    expect(formatDate(JULY_2, 'ar', { digits: 'latn' })).toBe('2 يوليو 2014');
    expect(formatNumber(1234, 'ar', 'arab')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'fa', 'latn')).toMatch(/^1.234$/);
  });

  it('formats Persian in the Solar Hijri calendar with Persian digits', () => {
    const medium = formatDate(JULY_2, 'fa');
    expect(medium).not.toMatch(LATIN_MONTHS);
    expect(medium).toMatch(PERSIAN_DIGITS);
    expect(medium).toContain('۱۳۹۳');
    expect(medium).toContain('تیر');
  });

  it('formats in the given time zone, UTC by default', () => {
    const lateUtc = new Date('2014-07-02T22:30:00Z');
    expect(formatDate(lateUtc, 'en')).toBe('Jul 2, 2014');
    expect(formatDate(lateUtc, 'en', { timeZone: 'Europe/Istanbul' })).toBe('Jul 3, 2014');
    expect(formatDate(lateUtc, 'en', { timeZone: 'America/New_York' })).toBe('Jul 2, 2014');
  });

  it('rejects invalid input loudly', () => {
    expect(() => formatDate(new Date('nope'), 'en')).toThrow(RangeError);
    expect(() => formatDate(JULY_2, 'en', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('reuses formatter instances', () => {
    const DateTimeFormat = Intl.DateTimeFormat;
    let constructed = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      constructed++;
      return new DateTimeFormat(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (let i = 0; i < 5; i++) formatDate(JULY_2, 'tr', { timeZone: 'Asia/Tehran' });
    } finally {
      Intl.DateTimeFormat = DateTimeFormat;
    }
    expect(constructed).toBe(1);
  });
});

describe('formatDateTime', () => {
  it('adds a short time in the given zone', () => {
    expect(formatDateTime(JULY_2, 'en')).toBe('Jul 2, 2014, 12:00 PM');
    expect(formatDateTime(JULY_2, 'tr')).toBe('2 Tem 2014 12:00');
    expect(formatDateTime(JULY_2, 'tr', { timeZone: 'Europe/Istanbul' })).toBe('2 Tem 2014 15:00');
    expect(formatDateTime(JULY_2, 'fa', { timeZone: 'Asia/Tehran' })).toContain('۱۳۹۳');
  });
});

describe('formatNumber', () => {
  it('uses the locale separators and digits', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'tr')).toBe('1.234.567,5');
    expect(formatNumber(1234, 'fa')).toBe('۱٬۲۳۴');
  });
});
