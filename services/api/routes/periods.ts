// Evaluation periods: read by every role; created, closed (scores frozen) and rebuilt (checked
// against the frozen scores) by admins and assessors. Days are accepted in the Jalali or the
// Gregorian calendar and shown in both.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { createPeriod, listPeriods, periodBySlug, PeriodConflictError, type Period } from '../../../db/store/periods.ts';
import { getRuleSet } from '../../../db/store/rule-sets.ts';
import { defaultRuleSetId } from '../../../config/rulesets/index.ts';
import { displayDay, lastDayOf, periodBounds, type CalendarName } from '../../scoring/period-dates.ts';
import { closePeriod, PeriodStateError, rebuildPeriodScores } from '../../scoring/score-period.ts';
import { assessmentWriters, readers } from '../auth/access.ts';
import { problem, sendProblem } from '../problem.ts';
import { authProblems, periodParam, problemRef } from '../schemas/common.ts';
import { createPeriodBody } from '../schemas/period.ts';

export const periodView = (p: Period) => ({
  slug: p.slug, name: { fa: p.nameFa, en: p.nameEn }, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(),
  firstDay: displayDay(p.startsAt), lastDay: displayDay(lastDayOf(p.endsAt)),
  ruleSet: { id: p.ruleSetId, version: p.ruleSetVersion }, closed: p.closedAt !== null, closedAt: p.closedAt?.toISOString() ?? null,
});

type CreateBody = { slug: string; nameFa: string; nameEn: string; calendar: CalendarName; firstDay: string; lastDay: string; ruleSet?: { id: string; version?: number } };

const bad = (reply: FastifyReply, status: number, field: string, reason: string) =>
  sendProblem(reply, problem(status, `body/${field} ${reason}`, { errors: [{ field: `/${field}`, message: reason }] }));

/** The period of the `:period` param, or a 404 already sent. */
export async function findPeriod(db: Parameters<typeof periodBySlug>[0], slug: string, reply: FastifyReply): Promise<Period | null> {
  const p = await periodBySlug(db, slug);
  if (!p) await sendProblem(reply, problem(404, `unknown period "${slug}"`));
  return p ?? null;
}

export const periodRoutes: FastifyPluginAsync = async (app) => {
  const one = { 200: { $ref: 'period#' }, ...authProblems } as const;
  app.get('/periods', { config: { roles: readers }, schema: { response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'period#' } } } }, ...authProblems } } },
    async () => ({ items: (await listPeriods(app.db)).map(periodView) }));

  app.get<{ Params: { period: string } }>('/periods/:period', { config: { roles: readers }, schema: { params: periodParam, response: one } },
    async (req, reply) => { const p = await findPeriod(app.db, req.params.period, reply); return p ? periodView(p) : reply; });

  app.post<{ Body: CreateBody }>('/periods', { config: { roles: assessmentWriters },
    schema: { body: createPeriodBody, response: { 201: { $ref: 'period#' }, 409: problemRef, 422: problemRef, ...authProblems } } },
  async (req, reply) => {
    const b = req.body;
    const bounds = periodBounds(b.firstDay, b.lastDay, b.calendar);
    if (!bounds.ok) return bad(reply, 422, bounds.field, bounds.reason);
    const rs = await getRuleSet(app.db, b.ruleSet?.id ?? defaultRuleSetId, b.ruleSet?.version);
    if (!rs) return bad(reply, 422, 'ruleSet', `no rule set ${b.ruleSet?.id ?? defaultRuleSetId}${b.ruleSet?.version ? ` version ${b.ruleSet.version}` : ''}`);
    try {
      const p = await createPeriod(app.db, { slug: b.slug, nameFa: b.nameFa, nameEn: b.nameEn, startsAt: bounds.startsAt, endsAt: bounds.endsAt, ruleSetId: rs.id, ruleSetVersion: rs.version });
      return reply.code(201).send(periodView(p));
    } catch (err) {
      if (err instanceof PeriodConflictError) return bad(reply, 409, 'slug', err.message);
      throw err;
    }
  });
  await app.register(periodClosingRoutes);
};

/** Closing (freezing the scores) and rebuilding (checking them against the evidence). */
const periodClosingRoutes: FastifyPluginAsync = async (app) => {
  const closing = { config: { roles: assessmentWriters }, schema: { params: periodParam, response: {
    200: { type: 'object', properties: { period: { $ref: 'period#' }, rows: { type: 'integer' }, restored: { type: 'boolean' }, identical: { type: 'boolean' }, differing: { type: 'integer' } } },
    409: problemRef, 503: problemRef, ...authProblems } } } as const;

  app.post<{ Params: { period: string } }>('/periods/:period/close', closing, async (req, reply) => {
    const p = await findPeriod(app.db, req.params.period, reply);
    if (!p) return reply;
    if (!app.evidence) return sendProblem(reply, problem(503, 'the evidence stores are not available in this process'));
    const rules = (await getRuleSet(app.db, p.ruleSetId, p.ruleSetVersion))!.body;
    try {
      const rows = await closePeriod(app.db, app.evidence, p, rules, Date.now());
      return { period: periodView((await periodBySlug(app.db, p.slug))!), rows };
    } catch (err) {
      if (err instanceof PeriodStateError) return sendProblem(reply, problem(409, err.message));
      throw err;
    }
  });

  app.post<{ Params: { period: string } }>('/periods/:period/rebuild', closing, async (req, reply) => {
    const p = await findPeriod(app.db, req.params.period, reply);
    if (!p) return reply;
    if (!app.evidence) return sendProblem(reply, problem(503, 'the evidence stores are not available in this process'));
    const rules = (await getRuleSet(app.db, p.ruleSetId, p.ruleSetVersion))!.body;
    try {
      return { period: periodView(p), ...(await rebuildPeriodScores(app.db, app.evidence, p, rules)) };
    } catch (err) {
      if (err instanceof PeriodStateError) return sendProblem(reply, problem(409, err.message));
      throw err;
    }
  });
};
