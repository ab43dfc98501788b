// Rule sets: read by every role; added by admins and assessors. A version a period used is
// never changed: posting a different body under it is 409, naming the version to add instead.
import type { FastifyPluginAsync } from 'fastify';
import { getRuleSet, listRuleSets, RuleSetInUseError, saveRuleSet, type StoredRuleSet } from '../../../db/store/rule-sets.ts';
import { parseRuleSet, RuleSetError } from '../../../config/rulesets/rule-set.ts';
import { assessmentWriters, readers } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, looseObject, problemRef } from '../schemas/common.ts';

const view = (r: StoredRuleSet) => ({ id: r.id, version: r.version, checksum: r.checksum, createdAt: r.createdAt.toISOString(), usedByPeriods: r.usedBy, body: r.body });

const params = {
  type: 'object', required: ['id', 'version'], additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }, version: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
} as const;

export const ruleSetRoutes: FastifyPluginAsync = async (app) => {
  app.get('/rule-sets', { config: { roles: readers }, schema: { response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'ruleSetRecord#' } } } }, ...authProblems } } },
    async () => ({ items: (await listRuleSets(app.db)).map(view) }));

  app.get<{ Params: { id: string; version: number } }>('/rule-sets/:id/:version',
    { config: { roles: readers }, schema: { params, response: { 200: { $ref: 'ruleSetRecord#' }, ...authProblems } } },
    async (req, reply) => {
      const r = await getRuleSet(app.db, req.params.id, req.params.version);
      return r ? view(r) : sendProblem(reply, problem(404, `no rule set ${req.params.id} version ${req.params.version}`));
    });

  app.post<{ Body: unknown }>('/rule-sets',
    { config: { roles: assessmentWriters }, schema: { body: { ...looseObject, description: 'a complete rule set (see config/rulesets/rule-set.ts)',
      required: ['id', 'version'], properties: { id: params.properties.id, version: params.properties.version } },
      response: { 200: { $ref: 'ruleSetRecord#' }, 201: { $ref: 'ruleSetRecord#' }, 409: problemRef, 422: problemRef, ...authProblems } } },
    async (req, reply) => {
      let rs;
      try { rs = parseRuleSet(req.body); } catch (err) {
        if (err instanceof RuleSetError) return sendProblem(reply, problem(422, `body: ${err.message}`));
        throw err;
      }
      try {
        const outcome = await saveRuleSet(app.db, rs);
        const stored = (await getRuleSet(app.db, rs.id, rs.version))!;
        return reply.code(outcome === 'inserted' ? 201 : 200).send(view(stored));
      } catch (err) {
        if (err instanceof RuleSetInUseError) return sendProblem(reply, problem(409, err.message));
        throw err;
      }
    });
};
