// Who may call what. Every route declares its access in its config: `public: true` (no key) or
// `roles: [...]` (the roles whose keys may call it). A route that declares neither is for admin
// keys only, so a new route can never be open by accident. Agency keys are further limited
// to their own agency by the routes themselves (`canSeeAgency`): another agency's data is 404.
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Role } from '../../../db/store/api-keys.ts';

export type Principal = { keyId: number; role: Role; agencyId: number | null; agencySlug: string | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Callable without a key (health, the agency list, public status pages and badges). */
    public?: boolean;
    /** Roles whose keys may call this route. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type RouteEntry = {
  method: string; url: string; public: boolean; roles: readonly Role[]; query: readonly string[];
  /** Status codes with a declared response schema. */
  responses: readonly string[];
};

/** Role sets used by the routes; the README table "API and roles" follows them. */
export const anyRole: readonly Role[] = ['admin', 'operator', 'assessor', 'agency'];
export const readers: readonly Role[] = ['admin', 'operator', 'assessor', 'agency'];
export const staffReaders: readonly Role[] = ['admin', 'operator', 'assessor'];
export const targetWriters: readonly Role[] = ['admin', 'operator'];
export const assessmentWriters: readonly Role[] = ['admin', 'assessor'];
export const adminOnly: readonly Role[] = ['admin'];

/** The onRoute check: records the route and refuses one with no access declaration. */
export function declareAccess(table: RouteEntry[], publicPrefixes: readonly string[]) {
  return (route: RouteOptions): void => {
    const config = (route.config ?? {}) as { public?: boolean; roles?: readonly Role[] };
    if (publicPrefixes.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      route.config = { ...config, public: true } as RouteOptions['config'];
      config.public = true;
    }
    if (!config.public && !config.roles?.length) {
      // Closed by default: a route that declares nothing is for admin keys only.
      route.config = { ...config, roles: adminOnly } as RouteOptions['config'];
      config.roles = adminOnly;
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const query = Object.keys((route.schema?.querystring as { properties?: object } | undefined)?.properties ?? {});
      const responses = Object.keys((route.schema?.response as object | undefined) ?? {});
      table.push({ method, url: route.url, public: config.public === true, roles: config.roles ?? [], query, responses });
    }
  };
}

/** Whether the caller may see data of this agency (agency keys: only their own). */
export function canSeeAgency(req: FastifyRequest, agencyId: number): boolean {
  const p = req.principal;
  return p !== null && (p.role !== 'agency' || p.agencyId === agencyId);
}

export function isWrite(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

export type AuthDecision = { ok: true } | { ok: false; status: 401 | 403; detail: string };

export function decide(req: FastifyRequest, principal: Principal | null): AuthDecision {
  const config = req.routeOptions.config as { public?: boolean; roles?: readonly Role[] };
  if (config.public) return { ok: true };
  if (!principal) return { ok: false, status: 401, detail: 'this resource needs an API key (Authorization: Bearer <key>)' };
  if (!config.roles?.includes(principal.role)) {
    return { ok: false, status: 403, detail: `a key with role "${principal.role}" may not ${req.method} this resource` };
  }
  return { ok: true };
}
