// RFC 9457 problem details: every error the API returns has this shape.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export type Problem = { type: string; title: string; status: number; detail?: string; instance?: string; [k: string]: unknown };

export const problemSchema = {
  $id: 'problem',
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
    detail: { type: 'string' }, instance: { type: 'string' },
  },
  additionalProperties: true,
} as const;

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

export function problem(status: number, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** Validation errors name the field ("querystring/limit must be <= 1000"); our own faults hide details. */
export function problemErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err.validation) {
    return sendProblem(reply, problem(400, `${err.validationContext ?? 'request'}${err.message.replace(/^[a-z]+/, '')}`,
      { errors: err.validation.map((v) => ({ field: v.instancePath || v.params?.['missingProperty'], message: v.message })) }));
  }
  const status = err.statusCode ?? 500;
  if (status >= 500) {
    req.log.error({ err }, 'request failed');
    return sendProblem(reply, problem(status));
  }
  return sendProblem(reply, problem(status, err.message));
}
