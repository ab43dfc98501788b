import { describe, expect, it } from 'vitest';
import { displayDay, lastDayOf, periodBounds, tehranMidnight } from '../../../services/scoring/period-dates.ts';

describe('period dates', () => {
  it.each([
    ['1403-07-01', 'jalali', '2024-09-21T20:30:00.000Z'],
    ['1404-01-01', 'jalali', '2025-03-20T20:30:00.000Z'], // Nowruz 1404
    ['۱۴۰۳/۱۲/۳۰', 'jalali', '2025-03-19T20:30:00.000Z'], // Persian digits, leap year's last day
    ['١٤٠٣-٠١-٠١', 'jalali', '2024-03-19T20:30:00.000Z'], // Arabic-Indic digits
    ['2025-01-01', 'gregorian', '2024-12-31T20:30:00.000Z'],
  ] as const)('%s (%s) starts at Tehran midnight %s', (date, calendar, iso) => {
    const r = tehranMidnight(date, calendar);
    expect(r.ok && new Date(r.ms).toISOString()).toBe(iso);
  });

  it.each([
    ['1404-12-30', 'jalali'], ['1403-00-10', 'jalali'], ['1403-07-32', 'jalali'], ['2025-02-29', 'gregorian'],
    ['2025-13-01', 'gregorian'], ['yesterday', 'gregorian'], ['1403-07-01; DROP TABLE periods', 'jalali'],
  ] as const)('refuses %s (%s)', (date, calendar) => {
    expect(tehranMidnight(date, calendar).ok).toBe(false);
  });

  it('a period runs from the first day\'s midnight to the midnight after its last day', () => {
    const b = periodBounds('1403-07-01', '1403-12-30', 'jalali');
    expect(b.ok && [b.startsAt.toISOString(), b.endsAt.toISOString()]).toEqual(['2024-09-21T20:30:00.000Z', '2025-03-20T20:30:00.000Z']);
    expect(periodBounds('1403-07-02', '1403-07-01', 'jalali')).toMatchObject({ ok: false, field: 'lastDay' });
    expect(periodBounds('1403-07-40', '1403-08-01', 'jalali')).toMatchObject({ ok: false, field: 'firstDay' });
  });

  it('shows a day in Persian (Jalali) and English (Gregorian)', () => {
    const b = periodBounds('1399-10-01', '1400-04-31', 'jalali');
    if (!b.ok) throw new Error('bounds');
    expect(displayDay(b.startsAt)).toEqual({ fa: '۱ دی ۱۳۹۹', en: '21 December 2020', jalali: '1399-10-01', gregorian: '2020-12-21' });
    expect(displayDay(lastDayOf(b.endsAt))).toMatchObject({ jalali: '1400-04-31', gregorian: '2021-07-22' });
  });
});
