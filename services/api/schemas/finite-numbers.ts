// Ajv coerces the text "Infinity" in a path or query to the number Infinity and then skips the
// other keywords (minimum, maximum) for it, so a route would see Infinity where its schema says
// "integer <= 2^53". This preHandler answers 400 for any non-finite number in params or query.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../problem.ts';

function nonFinite(part: unknown): string | null {
  if (part === null || typeof part !== 'object') return null;
  for (const [k, v] of Object.entries(part)) {
    if (typeof v === 'number' && !Number.isFinite(v)) return k;
    if (Array.isArray(v) && v.some((x) => typeof x === 'number' && !Number.isFinite(x))) return k;
  }
  return null;
}

export async function rejectNonFiniteNumbers(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  for (const [where, part] of [['params', req.params], ['querystring', req.query]] as const) {
    const field = nonFinite(part);
    if (field) {
      await sendProblem(reply, problem(400, `${where}/${field} must be a finite number`, { errors: [{ field: `/${field}`, message: 'must be a finite number' }] }));
      return reply as unknown as void;
    }
  }
}
