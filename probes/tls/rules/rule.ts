// The shape of one rating rule (style P5): an id stored beside every grade, the kind of effect,
// the facts it reads, and one pure function. Messages and advice carry Persian and English text.
import type { FactName, TlsFacts } from '../facts.ts';
import type { Letter } from '../grade.ts';

export type Text = { readonly fa: string; readonly en: string };

/** trust → grade T, mismatch → grade M, cap → at most `cap`, warning → A becomes A-. */
export type RuleKind = 'trust' | 'mismatch' | 'cap' | 'warning';

export type RuleVerdict =
  | { readonly status: 'applies'; readonly evidence: readonly string[] }
  | { readonly status: 'passes' }
  | { readonly status: 'not_tested'; readonly reason: string };

export type TlsRule<K extends FactName = FactName> = {
  readonly id: string;
  readonly kind: RuleKind;
  readonly cap?: Letter;                 // for kind 'cap'
  readonly clause: string;               // the guide's clause, for the reader of the evidence
  readonly needs: readonly K[];
  readonly message: Text;                // what is wrong
  readonly advice: Text;                 // what to change to lose this finding
  evaluate(facts: Pick<TlsFacts, K>): RuleVerdict;
};

export const passes: RuleVerdict = { status: 'passes' };
export function applies(evidence: readonly string[]): RuleVerdict {
  return { status: 'applies', evidence };
}
export function notTested(reason: string): RuleVerdict {
  return { status: 'not_tested', reason };
}
/** applies when the list is non-empty, else passes. */
export function appliesIf(evidence: readonly string[]): RuleVerdict {
  return evidence.length > 0 ? applies(evidence) : passes;
}
/** For certificate rules when no certificate was obtained (e.g. an SSLv3-only server). */
export const noCert: RuleVerdict = { status: 'not_tested', reason: 'no certificate obtained' };
