// Period boundaries: a calendar day (Jalali or Gregorian) means midnight in Tehran, UTC+03:30
// (Iran has kept no daylight saving time since 2022). Intl formats Jalali dates but cannot parse
// them, so jalaali-js converts. Stored instants are UTC; calendars are for input and display only.
import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';

export const calendars = ['jalali', 'gregorian'] as const;
export type CalendarName = (typeof calendars)[number];

const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;
const DAY_MS = 86_400_000;

export type DateParse = { ok: true; ms: number } | { ok: false; reason: string };

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits read as ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** The instant of Tehran midnight at the start of `date` (YYYY-MM-DD in the given calendar). */
export function tehranMidnight(date: string, calendar: CalendarName): DateParse {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(asciiDigits(date.trim()));
  if (!m) return { ok: false, reason: `"${date}" is not a date like 1403-07-01` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (calendar === 'jalali') {
    if (!isValidJalaaliDate(y, mo, d)) return { ok: false, reason: `"${date}" is not a Jalali date` };
    const g = toGregorian(y, mo, d);
    return { ok: true, ms: Date.UTC(g.gy, g.gm - 1, g.gd) - TEHRAN_OFFSET_MS };
  }
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return { ok: false, reason: `"${date}" is not a Gregorian date` };
  }
  return { ok: true, ms: ms - TEHRAN_OFFSET_MS };
}

/** [start, end): from Tehran midnight of the first day to Tehran midnight after the last day. */
export function periodBounds(first: string, last: string, calendar: CalendarName): { ok: true; startsAt: Date; endsAt: Date } | { ok: false; field: string; reason: string } {
  const a = tehranMidnight(first, calendar);
  if (!a.ok) return { ok: false, field: 'firstDay', reason: a.reason };
  const b = tehranMidnight(last, calendar);
  if (!b.ok) return { ok: false, field: 'lastDay', reason: b.reason };
  if (b.ms < a.ms) return { ok: false, field: 'lastDay', reason: 'the last day comes before the first day' };
  return { ok: true, startsAt: new Date(a.ms), endsAt: new Date(b.ms + DAY_MS) };
}

const faFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeZone: 'Asia/Tehran' });
const enFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tehran' });

/** A period day for people: Persian in the Jalali calendar, English in the Gregorian one. */
export function displayDay(at: Date): { fa: string; en: string; jalali: string; gregorian: string } {
  const local = new Date(at.getTime() + TEHRAN_OFFSET_MS);
  const [gy, gm, gd] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  const j = toJalaali(gy, gm, gd);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { fa: faFormat.format(at), en: enFormat.format(at), jalali: `${j.jy}-${pad(j.jm)}-${pad(j.jd)}`, gregorian: `${gy}-${pad(gm)}-${pad(gd)}` };
}

/** The last day of a period (its end is the midnight after it). */
export function lastDayOf(endsAt: Date): Date {
  return new Date(endsAt.getTime() - DAY_MS);
}
