// The rater (guide 2009r): scores → letter, then every rule of the registry: caps (lowest wins),
// warnings (A → A-), HSTS bonus (A → A+), trust (T) and hostname (M) with the grade "if trust
// issues are ignored". A rule that throws yields an error entry for it alone (style P6).
import type { FactName, TlsFacts } from './facts.ts';
import { worseLetter, type Letter, type TlsGradeSymbol } from './grade.ts';
import { computeScores, scoreLetter, type TlsScores } from './scores.ts';
import { tlsRules, tlsRulesVersion } from './rules/index.ts';
import { hstsMinMaxAgeS } from './rules/warn-hsts-weak.ts';
import { nextGradeAdvice } from './advice.ts';
import type { RuleKind, Text, TlsRule } from './rules/rule.ts';

export type Finding = { id: string; kind: RuleKind; cap?: Letter; clause: string; message: Text; advice: Text; evidence: readonly string[] };
export type TlsRating = {
  grade: TlsGradeSymbol;
  gradeIgnoringTrust: TlsGradeSymbol;
  scores: TlsScores;
  scoreLetter: Letter;
  findings: Finding[];
  notTested: { id: string; clause: string; reason: string }[];
  ruleErrors: { id: string; message: string }[];
  advice: Text[];
  rulesVersion: string;
};

function pick(facts: TlsFacts, needs: readonly FactName[]): TlsFacts {
  const out: Partial<Record<FactName, unknown>> = {};
  for (const k of needs) out[k] = facts[k];
  return out as TlsFacts; // the rule's type only lets it read its `needs`
}

function runRules(facts: TlsFacts, rules: readonly TlsRule[]) {
  const findings: Finding[] = [];
  const notTested: TlsRating['notTested'] = [];
  const ruleErrors: TlsRating['ruleErrors'] = [];
  for (const rule of rules) {
    try {
      const v = rule.evaluate(pick(facts, rule.needs));
      const { id, kind, cap, clause, message, advice } = rule;
      if (v.status === 'applies') findings.push({ id, kind, ...(cap ? { cap } : {}), clause, message, advice, evidence: v.evidence });
      if (v.status === 'not_tested') notTested.push({ id, clause, reason: v.reason });
    } catch (err) {
      ruleErrors.push({ id: rule.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { findings, notTested, ruleErrors };
}

/** The letter after caps, then A-/A+ from warnings and HSTS. */
function trustIgnoredGrade(letter: Letter, findings: readonly Finding[], facts: TlsFacts): TlsGradeSymbol {
  const capped = findings.reduce<Letter>((l, f) => (f.kind === 'cap' && f.cap ? worseLetter(l, f.cap) : l), letter);
  if (capped !== 'A') return capped;
  if (findings.some((f) => f.kind === 'warning')) return 'A-';
  const h = facts.hsts;
  return h.status === 'present' && h.maxAgeS >= hstsMinMaxAgeS ? 'A+' : 'A';
}

export function rateTls(facts: TlsFacts, rules: readonly TlsRule[] = tlsRules): TlsRating {
  const scores = computeScores(facts);
  const letter = scoreLetter(scores.total);
  const { findings, notTested, ruleErrors } = runRules(facts, rules);
  const gradeIgnoringTrust = trustIgnoredGrade(letter, findings, facts);
  const grade: TlsGradeSymbol = findings.some((f) => f.kind === 'mismatch') ? 'M'
    : findings.some((f) => f.kind === 'trust') ? 'T' : gradeIgnoringTrust;
  const advice = nextGradeAdvice({ grade, gradeIgnoringTrust, letter, scores, findings, hsts: facts.hsts });
  return { grade, gradeIgnoringTrust, scores, scoreLetter: letter, findings, notTested, ruleErrors, advice, rulesVersion: tlsRulesVersion };
}
