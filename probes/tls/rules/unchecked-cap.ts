// A guide clause Sanjeh has no check for yet: it is always reported as "not tested", never
// silently passed (issue 4).
import type { Letter } from '../grade.ts';
import { notTested, type Text, type TlsRule } from './rule.ts';

type Spec = { id: string; cap: Letter; clause: string; message: Text; advice: Text; reason: string };

export function uncheckedCap(spec: Spec): TlsRule<never> {
  const { reason, ...meta } = spec;
  return { ...meta, kind: 'cap', needs: [], evaluate: () => notTested(reason) };
}
