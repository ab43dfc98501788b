// Notices a period's report carries beside its scores. Speed scores depend on the browser: when
// the Chromium that measured pages changed within the period (issue 5), the report says so, with
// the span and count of each version, so nobody compares scores across versions unawares.
import type { Db } from '../../db/client.ts';
import type { RuleSet } from '../../config/rulesets/rule-set.ts';
import type { Period } from '../../db/store/periods.ts';
import { chromiumVersionsInWindow, type ChromiumSpan } from '../../db/store/speed-measurements.ts';

export type PeriodNotice = {
  id: 'chromium-version-changed';
  fa: string;
  en: string;
  versions: Array<{ version: string; from: string; to: string; measurements: number }>;
};

function chromiumNotice(spans: readonly ChromiumSpan[]): PeriodNotice {
  const list = spans.map((s) => s.version).join(' → ');
  return {
    id: 'chromium-version-changed',
    en: `Chromium changed within the period (${list}): speed measurements of different versions are not directly comparable.`,
    fa: `نسخه کرومیوم در این دوره تغییر کرده است (${list})؛ سنجش‌های سرعت با نسخه‌های متفاوت مستقیماً مقایسه‌پذیر نیستند.`,
    versions: spans.map((s) => ({ version: s.version, from: s.from.toISOString(), to: s.to.toISOString(), measurements: s.measurements })),
  };
}

export async function periodNotices(db: Db, period: Period, rules: RuleSet): Promise<PeriodNotice[]> {
  const spans = await chromiumVersionsInWindow(db, period.startsAt, period.endsAt, rules.speed.profile);
  return spans.length > 1 ? [chromiumNotice(spans)] : [];
}
