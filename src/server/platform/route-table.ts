import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One registered route and the contract (Zod schemas) it validates its input with. */
export interface RouteContract {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

const tables = new WeakMap<FastifyInstance, RouteContract[]>();

/** Records every route registered after this call, so tests can walk the app's own route table. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteContract[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (method !== 'HEAD') table.push({ method, url: route.url, schema: route.schema });
  });
}

/** The routes recorded for this app, in registration order. */
export function routeTable(app: FastifyInstance): RouteContract[] {
  return tables.get(app) ?? [];
}
