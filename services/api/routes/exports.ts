// Exports of a period's scores: CSV (UTF-8 with BOM) and XLSX, for admins and assessors.
import type { FastifyPluginAsync } from 'fastify';
import { assessmentWriters } from '../auth/access.ts';
import { exportRows, toCsv, toXlsx } from '../../scoring/export-table.ts';
import { authProblems, periodParam, problemRef } from '../schemas/common.ts';
import { reportFor } from './scores.ts';

const file = { type: 'string', description: 'the file' } as const;

export const exportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { period: string } }>('/periods/:period/export.csv', { config: { roles: assessmentWriters },
    schema: { params: periodParam, produces: ['text/csv'], response: { 200: file, 503: problemRef, ...authProblems } } },
  async (req, reply) => {
    const r = await reportFor(app, req.params.period, reply, false);
    if (!r) return reply;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${r.period.slug}-scores.csv"`)
      .send(toCsv(exportRows(r.report)));
  });

  app.get<{ Params: { period: string } }>('/periods/:period/export.xlsx', { config: { roles: assessmentWriters },
    schema: { params: periodParam, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: { 200: { type: 'string', format: 'binary', description: 'the workbook' }, 503: problemRef, ...authProblems } } },
  async (req, reply) => {
    const r = await reportFor(app, req.params.period, reply, false);
    if (!r) return reply;
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${r.period.slug}-scores.xlsx"`)
      .send(await toXlsx(exportRows(r.report), r.period.slug));
  });
};
