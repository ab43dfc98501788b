// What the dashboard shows per target: the overview rows with uptime percentages and the three
// indicator scores under the rule set of the period now open (the default one when none is).
import type { Db } from '../../db/client.ts';
import { overviewRows, type OverviewRow, type UptimeSums } from '../../db/store/dashboard-overview.ts';
import { listPeriods } from '../../db/store/periods.ts';
import { defaultRuleSetId, ruleSets } from '../../config/rulesets/index.ts';
import type { RuleSet, TlsSymbol } from '../../config/rulesets/rule-set.ts';
import { scoreUptime } from '../scoring/indicators/uptime.ts';
import { scoreSpeed } from '../scoring/indicators/speed.ts';
import { scoreTls } from '../scoring/indicators/tls.ts';

export type OverviewItem = {
  id: string; targetId: number | null; agencyId: number; agency: string; nameFa: string; nameEn: string; kind: string | null; url: string | null;
  paused: boolean; state: OverviewRow['state']; uptime24h: number | null; uptime30d: number | null; uptimePeriod: number | null;
  tlsGrade: string | null; speedPct: number | null; scores: { uptime: number | null; speed: number | null; tls: number | null };
};

export type OpenPeriod = { slug: string | null; startsAt: Date; rules: RuleSet };

const DAY_MS = 86_400_000;

export async function openPeriod(db: Db, now: Date): Promise<OpenPeriod> {
  const periods = await listPeriods(db).catch(() => []);
  const p = periods.find((x) => x.startsAt <= now && now < x.endsAt && x.closedAt === null);
  const rules = (p && ruleSets.get(p.ruleSetId)) || ruleSets.get(defaultRuleSetId)!;
  return { slug: p?.slug ?? null, startsAt: p?.startsAt ?? new Date(now.getTime() - rules.uptime.windowDays * DAY_MS), rules };
}

const pct = (u: UptimeSums) => (u.observedS > 0 ? Math.round((1 - u.downS / u.observedS) * 10_000) / 100 : null);

export function toItem(r: OverviewRow, period: OpenPeriod, now: Date): OverviewItem {
  const noTarget = r.targetId === null;
  const windowS = Math.max(1, (now.getTime() - period.startsAt.getTime()) / 1000);
  const uptime = scoreUptime(period.rules.uptime, { windowS, observedS: r.uPeriod.observedS, downtimeS: r.uPeriod.downS });
  const tlsOutcome = r.tlsGrade ? { grade: r.tlsGrade as TlsSymbol } : r.tlsNoHttps ? { noHttps: true as const } : null;
  return {
    id: noTarget ? `a${r.agencyId}` : `t${r.targetId}`, targetId: r.targetId, agencyId: r.agencyId, agency: r.agencySlug, nameFa: r.nameFa, nameEn: r.nameEn,
    kind: r.kind, url: r.url, paused: r.paused, state: r.state,
    uptime24h: pct(r.u24), uptime30d: pct(r.u30), uptimePeriod: pct(r.uPeriod),
    tlsGrade: r.tlsGrade ?? (r.tlsNoHttps ? 'no_https' : null), speedPct: r.speedPct === null ? null : Math.round(r.speedPct),
    scores: noTarget ? { uptime: null, speed: null, tls: null } : {
      uptime: uptime.score, speed: scoreSpeed(period.rules.speed, r.speedPct), tls: scoreTls(period.rules.tls, tlsOutcome),
    },
  };
}

export type OverviewDeps = { db: Db; now: () => number; staleAfterMs: number };

export async function buildOverview(deps: OverviewDeps, agencyId: number | null): Promise<{ period: string | null; items: OverviewItem[] }> {
  const now = new Date(deps.now());
  const period = await openPeriod(deps.db, now);
  const rows = await overviewRows(deps.db, { agencyId, now, periodStart: period.startsAt, staleAfterMs: deps.staleAfterMs });
  return { period: period.slug, items: rows.map((r) => toItem(r, period, now)) };
}
