// A period's scores (per agency with its targets and evidence) and its ranking. Agency keys see
// only their own agency: the list holds just it, and another agency's scores are 404.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { getRuleSet } from '../../../db/store/rule-sets.ts';
import { NoEvidenceError, periodReport, type AgencyReport } from '../../scoring/period-report.ts';
import { readers, staffReaders } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, periodParam, problemRef } from '../schemas/common.ts';
import { noticesSchema, rankingSchema } from '../schemas/score.ts';
import { findPeriod } from './periods.ts';
import { periodNotices } from '../../scoring/period-notices.ts';


/** The period's report, or null with the problem already sent. */
export async function reportFor(app: FastifyInstance, slug: string, reply: FastifyReply, withEvidence = true) {
  const period = await findPeriod(app.db, slug, reply);
  if (!period) return null;
  const rules = (await getRuleSet(app.db, period.ruleSetId, period.ruleSetVersion))!.body;
  try {
    return { period, rules, report: await periodReport(app.db, app.evidence, period, rules, withEvidence) };
  } catch (err) {
    if (err instanceof NoEvidenceError) { await sendProblem(reply, problem(503, err.message)); return null; }
    throw err;
  }
}

const visible = (req: FastifyRequest, r: AgencyReport) => req.principal!.role !== 'agency' || req.principal!.agencyId === r.id;
const view = ({ id: _id, ...rest }: AgencyReport) => rest;

const agencyParams = {
  type: 'object', required: ['period', 'agency'], additionalProperties: false,
  properties: { ...periodParam.properties, agency: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } },
} as const;

export const scoreRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { period: string } }>('/periods/:period/scores', { config: { roles: readers },
    schema: { params: periodParam, response: { 200: { type: 'object', properties: { period: { type: 'string' }, frozen: { type: 'boolean' }, notices: noticesSchema, items: { type: 'array', items: { $ref: 'agencyScore#' } } } }, 503: problemRef, ...authProblems } } },
  async (req, reply) => {
    const r = await reportFor(app, req.params.period, reply);
    if (!r) return reply;
    return { period: r.period.slug, frozen: r.period.closedAt !== null, notices: await periodNotices(app.db, r.period, r.rules),
      items: r.report.filter((x) => visible(req, x)).map(view) };
  });

  app.get<{ Params: { period: string; agency: string } }>('/periods/:period/scores/:agency', { config: { roles: readers },
    schema: { params: agencyParams, response: { 200: { $ref: 'agencyScore#' }, 503: problemRef, ...authProblems } } },
  async (req, reply) => {
    const r = await reportFor(app, req.params.period, reply);
    if (!r) return reply;
    const one = r.report.find((x) => x.agency.slug === req.params.agency);
    if (!one || !visible(req, one)) return sendProblem(reply, problem(404, `unknown agency "${req.params.agency}"`));
    return view(one);
  });

  app.get<{ Params: { period: string } }>('/periods/:period/rankings', { config: { roles: staffReaders },
    schema: { params: periodParam, response: { 200: rankingSchema, 503: problemRef, ...authProblems } } },
  async (req, reply) => {
    const r = await reportFor(app, req.params.period, reply, false);
    if (!r) return reply;
    return {
      period: r.period.slug, frozen: r.period.closedAt !== null, ruleSet: { id: r.period.ruleSetId, version: r.period.ruleSetVersion },
      notices: await periodNotices(app.db, r.period, r.rules),
      items: r.report.map((x) => ({ rank: x.rank, agency: x.agency, total: x.total, band: x.band,
        scores: Object.fromEntries(Object.entries(x.indicators).map(([k, v]) => [k, v.score])) })),
    };
  });
};
