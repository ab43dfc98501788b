// Notification texts in Persian and English, one record per event kind (rules as data, P5).
// Jalali dates and Persian digits are for display only; the data part keeps UTC ISO times.
import type { AlertMessage, Locale } from './notifier.ts';

export type AlertEventKind =
  | 'outage_opened' | 'outage_closed' | 'flapping_started' | 'flapping_ended'
  | 'mass_outage' | 'tls_grade_drop' | 'tls_grade_restored' | 'cert_expiry';

/** An alert event with the names needed to tell people about it. */
export type AlertContext = {
  eventKey: string;
  kind: AlertEventKind;
  at: Date;
  targetId: number | null;
  url: string | null;
  agencySlug: string | null;
  agencyFa: string | null;
  agencyEn: string | null;
  payload: Record<string, unknown>;
};

type Text = (c: AlertContext, f: Fmt) => { subject: string; body: string };
type Fmt = { date: (d: Date) => string; num: (n: unknown) => string; who: string };

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export const templates: { readonly [K in AlertEventKind]: { readonly fa: Text; readonly en: Text } } = {
  outage_opened: {
    fa: (c, f) => ({ subject: `قطعی: ${f.who}`, body: `${f.who} (${c.url}) از ${f.date(c.at)} در دسترس نیست. علت: ${str(c.payload['cause'])}` }),
    en: (c, f) => ({ subject: `DOWN: ${f.who}`, body: `${f.who} (${c.url}) is down since ${f.date(c.at)}. Cause: ${str(c.payload['cause'])}` }),
  },
  outage_closed: {
    fa: (c, f) => ({ subject: `برقراری: ${f.who}`, body: `${f.who} (${c.url}) از ${f.date(c.at)} دوباره در دسترس است.` }),
    en: (c, f) => ({ subject: `UP: ${f.who}`, body: `${f.who} (${c.url}) is up again since ${f.date(c.at)}.` }),
  },
  flapping_started: {
    fa: (c, f) => ({ subject: `ناپایدار: ${f.who}`, body: `${f.who} (${c.url}) از ${f.date(c.at)} مدام قطع و وصل می‌شود (${f.num(c.payload['transitions'])} تغییر). تا آرام شدن، تغییرها جداگانه اعلام نمی‌شوند.` }),
    en: (c, f) => ({ subject: `FLAPPING: ${f.who}`, body: `${f.who} (${c.url}) keeps going down and up since ${f.date(c.at)} (${f.num(c.payload['transitions'])} changes). Further changes are not reported one by one until it settles.` }),
  },
  flapping_ended: {
    fa: (c, f) => ({ subject: `پایدار شد: ${f.who}`, body: `${f.who} (${c.url}) از ${f.date(c.at)} پایدار است؛ وضعیت کنونی: ${c.payload['down'] ? 'قطع' : 'برقرار'}.` }),
    en: (c, f) => ({ subject: `SETTLED: ${f.who}`, body: `${f.who} (${c.url}) has settled since ${f.date(c.at)}; it is now ${c.payload['down'] ? 'down' : 'up'}.` }),
  },
  mass_outage: {
    fa: (c, f) => ({ subject: 'قطعی گسترده', body: `از ${f.date(c.at)} بسیاری از سامانه‌ها هم‌زمان در دسترس نیستند (${f.num(c.payload['targets'])} هدف). علت احتمالی: ${str(c.payload['cause'])}` }),
    en: (c, f) => ({ subject: 'MASS OUTAGE', body: `Since ${f.date(c.at)} many targets are unreachable at once (${f.num(c.payload['targets'])}). Likely cause: ${str(c.payload['cause'])}` }),
  },
  tls_grade_drop: {
    fa: (c, f) => ({ subject: `افت رتبه TLS: ${f.who}`, body: `رتبه TLS ${f.who} از ${str(c.payload['from'])} به ${str(c.payload['to'])} رسید (${f.date(c.at)}).` }),
    en: (c, f) => ({ subject: `TLS grade dropped: ${f.who}`, body: `The TLS grade of ${f.who} dropped from ${str(c.payload['from'])} to ${str(c.payload['to'])} (${f.date(c.at)}).` }),
  },
  tls_grade_restored: {
    fa: (c, f) => ({ subject: `بهبود رتبه TLS: ${f.who}`, body: `رتبه TLS ${f.who} به ${str(c.payload['to'])} بازگشت (${f.date(c.at)}).` }),
    en: (c, f) => ({ subject: `TLS grade restored: ${f.who}`, body: `The TLS grade of ${f.who} is back to ${str(c.payload['to'])} (${f.date(c.at)}).` }),
  },
  cert_expiry: {
    fa: (c, f) => ({ subject: `انقضای گواهی: ${f.who}`, body: `گواهی ${f.who} تا ${f.num(c.payload['daysLeft'])} روز دیگر (${f.date(new Date(str(c.payload['notAfter'])))}) منقضی می‌شود.` }),
    en: (c, f) => ({ subject: `Certificate expiring: ${f.who}`, body: `The certificate of ${f.who} expires in ${f.num(c.payload['daysLeft'])} days (${f.date(new Date(str(c.payload['notAfter'])))}).` }),
  },
};

const dateFormats = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Tehran' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
} as const;
const numberFormats = { fa: new Intl.NumberFormat('fa-IR'), en: new Intl.NumberFormat('en-US') } as const;

export function renderMessage(c: AlertContext, locale: Locale): AlertMessage {
  const who = (locale === 'fa' ? c.agencyFa : c.agencyEn) ?? c.url ?? '';
  const fmt: Fmt = {
    who,
    date: (d) => (Number.isNaN(d.getTime()) ? '?' : dateFormats[locale].format(d) + (locale === 'en' ? ' UTC' : '')),
    num: (n) => (typeof n === 'number' ? numberFormats[locale].format(n) : str(n)),
  };
  const { subject, body } = templates[c.kind][locale](c, fmt);
  return {
    eventId: c.eventKey, kind: c.kind, locale, subject, text: body,
    data: { eventId: c.eventKey, kind: c.kind, at: c.at.toISOString(), targetId: c.targetId, url: c.url, agency: c.agencySlug, ...c.payload },
  };
}
