// The dashboard's and alerting's route registry: the one plugin app.ts registers.
import type { FastifyPluginAsync } from 'fastify';
import { dashboardApi, type DashboardOptions } from './dashboard-api.ts';

export type { DashboardOptions };
import { publicRoutes } from './public.ts';
import { staticRoutes } from './static.ts';
import { subscriptionRoutes } from '../../alerts/routes/subscriptions.ts';

export function dashboardRoutes(opts: DashboardOptions = {}): FastifyPluginAsync {
  return async (app) => {
    await app.register(dashboardApi(opts), { prefix: '/api/v1' });
    await app.register(subscriptionRoutes, { prefix: '/api/v1' });
    await app.register(publicRoutes(opts));
    await app.register(staticRoutes);
  };
}
