// Advice: the insight and diagnostic audits that failed, with the savings Lighthouse estimates
// (details.overallSavingsMs/Bytes, else the largest metricSavings in ms), biggest first.
import type { LighthouseResult, LhrAudit, SpeedAdvice } from './types.ts';
import { structureAudits } from './structure-audits.ts';

function savingsMs(audit: LhrAudit): number {
  const overall = audit.details?.overallSavingsMs;
  if (typeof overall === 'number') return overall;
  const metric = Object.values(audit.metricSavings ?? {}).filter((v): v is number => typeof v === 'number');
  return metric.length > 0 ? Math.max(...metric) : 0;
}

export function topAdvice(lhr: LighthouseResult, limit = 5): SpeedAdvice[] {
  const advice: SpeedAdvice[] = [];
  for (const rule of structureAudits) {
    const audit = lhr.audits[rule.id];
    const verdict = audit ? rule.score(audit) : null;
    if (!audit || verdict === null || verdict >= 0.9) continue;
    advice.push({
      auditId: audit.id, title: audit.title, score: audit.score,
      savingsMs: Math.round(savingsMs(audit)),
      savingsBytes: Math.round(audit.details?.overallSavingsBytes ?? 0),
    });
  }
  const weightOf = (id: string): number => structureAudits.find((a) => a.id === id)?.meta.weight ?? 0;
  advice.sort((a, b) => b.savingsMs - a.savingsMs || b.savingsBytes - a.savingsBytes
    || weightOf(b.auditId) - weightOf(a.auditId));
  return advice.slice(0, limit);
}
