// A cap that applies when any accepted suite has a property (export, NULL, < 112 bits, RC4):
// these suites are only offered by the raw ClientHello layer, so without it the rule is untested.
import type { SuiteFact } from '../facts.ts';
import type { Letter } from '../grade.ts';
import { applies, notTested, passes, type Text, type TlsRule } from './rule.ts';

type SuiteCapSpec = { id: string; cap: Letter; clause: string; message: Text; advice: Text; test: (s: SuiteFact) => boolean };

export function suiteCap(spec: SuiteCapSpec): TlsRule<'suites' | 'legacySuitesTested'> {
  const { test, ...meta } = spec;
  return {
    ...meta,
    kind: 'cap',
    needs: ['suites', 'legacySuitesTested'],
    evaluate: ({ suites, legacySuitesTested }) => {
      const hits = suites.filter(test).map((s) => `${s.name} (${s.protocol})`);
      if (hits.length > 0) return applies(hits);
      return legacySuitesTested ? passes : notTested('legacy suites were not offered');
    },
  };
}
