// The authentication and audit hooks, added once in app.ts for every route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { useApiKey } from '../../../db/store/api-keys.ts';
import { appendAudit } from '../../../db/store/audit-log.ts';
import { problem, sendProblem } from '../problem.ts';
import { bearerKey, hashApiKey } from './api-key.ts';
import { decide, isWrite, type Principal } from './access.ts';

async function principalOf(db: Db, req: FastifyRequest): Promise<Principal | null | 'bad'> {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const key = bearerKey(header);
  if (!key) return 'bad';
  const row = await useApiKey(db, hashApiKey(key));
  return row ? { keyId: row.id, role: row.role, agencyId: row.agencyId, agencySlug: row.agencySlug } : 'bad';
}

/** onRequest: identifies the key, then applies the route's access declaration. */
export function authenticate(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    req.principal = null;
    if (req.routeOptions.url === undefined) return; // no such route: the 404 handler answers
    const config = req.routeOptions.config as { public?: boolean };
    if (config.public) return;
    const found = await principalOf(db, req);
    if (found === 'bad') {
      await sendProblem(reply.header('www-authenticate', 'Bearer'), problem(401, 'unknown or revoked API key'));
      return reply;
    }
    const decision = decide(req, found);
    if (!decision.ok) {
      if (decision.status === 401) reply.header('www-authenticate', 'Bearer');
      await sendProblem(reply, problem(decision.status, decision.detail));
      return reply;
    }
    req.principal = found;
  };
}

/** onSend: every successful change is written to the audit log before the answer leaves. */
export function auditChanges(db: Db) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (!isWrite(req.method) || reply.statusCode >= 400 || req.routeOptions.url === undefined) return payload;
    await appendAudit(db, {
      keyId: req.principal?.keyId ?? null,
      action: `${req.method} ${req.routeOptions.url}`,
      resource: req.url.split('?')[0]!,
      status: reply.statusCode,
    });
    return payload;
  };
}
