// A deterministic evidence source for tests, standing in for the availability and result stores
// (issues 3, 4, 5) behind the EvidenceSource seam: every target's evidence follows from its id and
// the window, so the same inputs always give the same evidence, as stored evidence would.
import type { EvidenceSource, SpeedRunEvidence, TlsScanEvidence, UptimeWindowEvidence } from '../../../services/scoring/evidence.ts';
import { tlsSymbols } from '../../../config/rulesets/rule-set.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export type SyntheticOptions = { unobservedTargets?: ReadonlySet<number>; noHttpsTargets?: ReadonlySet<number> };

export function syntheticEvidence(opts: SyntheticOptions = {}): EvidenceSource & { calls: number } {
  const source = {
    calls: 0,
    async uptimeTotals(targetId: number, fromMs: number, toMs: number) {
      const { observedS, downtimeS, unobservedS } = await source.uptimeForWindow(targetId, fromMs, toMs);
      return { observedS, downtimeS, unobservedS };
    },
    async uptimeForWindow(targetId: number, fromMs: number, toMs: number): Promise<UptimeWindowEvidence> {
      source.calls++;
      const windowS = (toMs - fromMs) / 1000;
      const unobservedS = opts.unobservedTargets?.has(targetId) ? Math.floor(windowS * 0.8) : (targetId % 3) * 600;
      const downtimeS = [0, 60, 3_600, 30_000, 400_000][targetId % 5]!;
      const outageFrom = fromMs + 86_400_000;
      return {
        observedS: windowS - unobservedS, downtimeS, unobservedS,
        outages: downtimeS ? [{ id: targetId * 10, from: iso(outageFrom), to: iso(outageFrom + downtimeS * 1000) }] : [],
        unobserved: unobservedS ? [{ from: iso(toMs - unobservedS * 1000), to: iso(toMs) }] : [],
      };
    },
    async tlsScansInWindow(targetId: number, fromMs: number, toMs: number): Promise<TlsScanEvidence[]> {
      source.calls++;
      if (opts.noHttpsTargets?.has(targetId)) return [{ id: targetId * 100, at: iso(toMs - 3_600_000), grade: null, noHttps: true }];
      return [0, 1, 2].map((i) => ({ id: targetId * 100 + i, at: iso(fromMs + (i + 1) * 86_400_000),
        grade: tlsSymbols[(targetId + i) % tlsSymbols.length]!, noHttps: false }));
    },
    async speedMeasurementsInWindow(targetId: number, fromMs: number): Promise<SpeedRunEvidence[]> {
      source.calls++;
      return [0, 1, 2, 3].map((i) => ({ id: targetId * 1000 + i, at: iso(fromMs + i * 21_600_000),
        percentage: (targetId * 17 + i * 7) % 101, profile: 'gtmetrix-desktop' }));
    },
  };
  return source;
}
