// Texts and formats in Persian (RTL, Persian digits, Jalali dates) and English; the choice is
// remembered in localStorage.
const texts = {
  fa: {
    brand: 'سنجه', signIn: 'ورود', signOut: 'خروج', apiKey: 'کلید API', signInHint: 'کلید API خود را وارد کنید.',
    badKey: 'کلید نامعتبر است یا باطل شده.', search: 'جستجو در نام یا نشانی…', allStates: 'همه وضعیت‌ها',
    agency: 'دستگاه', url: 'نشانی', state: 'وضعیت', up24: 'دسترس‌پذیری ۲۴ ساعت', up30: '۳۰ روز', upPeriod: 'دوره جاری',
    tls: 'TLS', speed: 'سرعت', sUptime: 'امتیاز ۳', sSpeed: 'امتیاز ۴', sTls: 'امتیاز ۵', rows: 'ردیف', live: 'زنده', offline: 'قطع ارتباط',
    up: 'در دسترس', down: 'قطع', degraded: 'کند', unobserved: 'بدون پایش', no_portal: 'بدون درگاه', paused: 'متوقف',
    back: 'بازگشت', days90: 'دسترس‌پذیری ۹۰ روز گذشته', responseTimes: 'زمان پاسخ (p50 / p95) در هر ساعت', outages: 'قطعی‌ها',
    ongoing: 'ادامه دارد', tlsLatest: 'آخرین رتبه TLS', caps: 'محدودیت‌ها', advice: 'توصیه‌ها', speedLatest: 'آخرین سنجش سرعت',
    opportunities: 'فرصت‌های بهبود', scores: 'امتیاز شاخص‌ها در هر دوره', period: 'دوره', indicator: 'شاخص', score: 'امتیاز',
    incidents: 'رخدادها', ack: 'تأیید', acked: 'تأییدشده', open: 'باز', closed: 'بسته', maintenance: 'پنجره نگهداری',
    openWindow: 'ثبت پنجره نگهداری', from: 'از', to: 'تا', reason: 'علت', pause: 'توقف پایش', resume: 'ادامه پایش', none: 'هیچ',
    statusPage: 'صفحه وضعیت عمومی', noData: 'داده‌ای نیست', percent: '٪', notFound: 'یافت نشد',
    probeNow: 'سنجش فوری', evidence: 'شواهد', probe_waiting: 'در صف', probe_running: 'در حال سنجش', probe_done: 'انجام شد',
  },
  en: {
    brand: 'Sanjeh', signIn: 'Sign in', signOut: 'Sign out', apiKey: 'API key', signInHint: 'Enter your API key.',
    badKey: 'The key is unknown or revoked.', search: 'Search name or URL…', allStates: 'All states',
    agency: 'Agency', url: 'URL', state: 'State', up24: 'Uptime 24 h', up30: '30 days', upPeriod: 'Period',
    tls: 'TLS', speed: 'Speed', sUptime: 'Score 3', sSpeed: 'Score 4', sTls: 'Score 5', rows: 'rows', live: 'live', offline: 'disconnected',
    up: 'Up', down: 'Down', degraded: 'Degraded', unobserved: 'Unobserved', no_portal: 'No portal', paused: 'Paused',
    back: 'Back', days90: 'Availability, last 90 days', responseTimes: 'Response time (p50 / p95) per hour', outages: 'Outages',
    ongoing: 'ongoing', tlsLatest: 'Latest TLS grade', caps: 'Caps', advice: 'Advice', speedLatest: 'Latest speed measurement',
    opportunities: 'Opportunities', scores: 'Indicator scores per period', period: 'Period', indicator: 'Indicator', score: 'Score',
    incidents: 'Incidents', ack: 'Acknowledge', acked: 'Acknowledged', open: 'open', closed: 'closed', maintenance: 'Maintenance windows',
    openWindow: 'Open a maintenance window', from: 'From', to: 'To', reason: 'Reason', pause: 'Pause probing', resume: 'Resume probing', none: 'none',
    statusPage: 'Public status page', noData: 'No data', percent: '%', notFound: 'Not found',
    probeNow: 'Probe now', evidence: 'evidence', probe_waiting: 'queued', probe_running: 'probing', probe_done: 'done',
  },
};

let lang = localStorage.getItem('sanjeh.lang') === 'en' ? 'en' : 'fa';
const listeners = new Set();

export const getLang = () => lang;
export const t = (key) => texts[lang][key] ?? key;
export function setLang(next) {
  lang = next;
  localStorage.setItem('sanjeh.lang', next);
  applyDocument();
  for (const fn of listeners) fn(lang);
}
export const onLangChange = (fn) => listeners.add(fn);

export function applyDocument() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.title = lang === 'fa' ? 'سنجه' : 'Sanjeh';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

const numFmt = { fa: new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }) };
const dateFmt = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tehran' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};
const dayFmt = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'medium', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }),
};
export const num = (n) => (n === null || n === undefined ? '—' : numFmt[lang].format(n));
export const pct = (n) => (n === null || n === undefined ? '—' : numFmt[lang].format(n) + t('percent'));
export const date = (d) => (d ? dateFmt[lang].format(new Date(d)) + (lang === 'en' ? ' UTC' : '') : '—');
export const day = (d) => dayFmt[lang].format(new Date(d));
/** A localized text record {fa, en} or a plain string. */
export const text = (v) => (v && typeof v === 'object' ? v[lang] ?? v.en ?? '' : String(v ?? ''));
