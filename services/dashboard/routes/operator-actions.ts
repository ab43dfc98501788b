// Operator actions on the dashboard (admins and operators): acknowledge an incident, open a
// maintenance window, ask for a probe now (TLS and speed; the scheduler process enqueues it and the
// page follows its progress through GET /dashboard/probe-requests/:id).
import type { FastifyPluginAsync } from 'fastify';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { acknowledgeIncident } from '../../../db/store/incidents.ts';
import { openMaintenanceWindow } from '../../../db/store/maintenance-windows.ts';
import { targetById } from '../../../db/store/target-admin.ts';
import { manualKinds, requestProbe, type ManualKind } from '../../../db/store/probe-requests.ts';
import { targetWriters } from '../../api/auth/access.ts';
import { problem, sendProblem } from '../../api/problem.ts';
import { idParam } from '../../api/schemas/common.ts';
import { ackResponse, createdIdResponse } from './response-schemas.ts';

const maintenanceBody = {
  type: 'object', additionalProperties: false, required: ['startsAt', 'endsAt'],
  properties: { targetId: { type: 'integer', minimum: 1 }, agency: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' }, reason: { type: 'string', maxLength: 500 } },
} as const;

const probeBody = { type: ['object', 'null'], additionalProperties: false,
  properties: { kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...manualKinds] } } } } as const;

export function operatorActions(now: () => number): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: { id: number } }>('/dashboard/incidents/:id/ack', { config: { roles: targetWriters }, schema: { params: idParam, response: ackResponse } }, async (req, reply) => {
      const ok = await acknowledgeIncident(app.db, req.params.id, `key ${req.principal!.keyId}`, new Date(now()));
      return ok ? { acknowledged: true } : sendProblem(reply, problem(404, `no unacknowledged incident ${req.params.id}`));
    });

    app.post<{ Params: { id: number }; Body: { kinds?: ManualKind[] } }>('/dashboard/targets/:id/probe', { config: { roles: targetWriters },
      schema: { params: idParam, body: probeBody, response: createdIdResponse(202) } }, async (req, reply) => {
      const target = await targetById(app.db, req.params.id);
      if (!target || target.retiredAt) return sendProblem(reply, problem(404, `unknown target ${req.params.id}`));
      const id = await requestProbe(app.db, target.id, req.body?.kinds ?? manualKinds, `key ${req.principal!.keyId}`, new Date(now()));
      return reply.code(202).send({ id });
    });

    app.post<{ Body: { targetId?: number; agency?: string; startsAt: string; endsAt: string; reason?: string } }>('/dashboard/maintenance',
      { config: { roles: targetWriters }, schema: { body: maintenanceBody, response: createdIdResponse(201) } }, async (req, reply) => {
        const b = req.body;
        const startsAt = new Date(b.startsAt), endsAt = new Date(b.endsAt);
        if (!(endsAt > startsAt)) return sendProblem(reply, problem(400, 'body/endsAt must be after body/startsAt'));
        const agency = b.agency ? await agencyBySlug(app.db, b.agency) : undefined;
        if (b.agency && !agency) return sendProblem(reply, problem(404, `unknown agency "${b.agency}"`));
        if (b.targetId !== undefined && !(await targetById(app.db, b.targetId))) return sendProblem(reply, problem(404, `unknown target ${b.targetId}`));
        const id = await openMaintenanceWindow(app.db, { targetId: b.targetId ?? null, agencyId: agency?.id ?? null, startsAt, endsAt, ...(b.reason ? { reason: b.reason } : {}) });
        return reply.code(201).send({ id });
      });
  };
}
