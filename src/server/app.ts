import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from './config.ts';
import type { Database } from './db/connect.ts';
import { agreementRoutes } from './features/agreements/routes.ts';
import { auditRoutes } from './features/audit/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { eventRoutes } from './features/events/routes.ts';
import { fileRoutes } from './features/files/routes.ts';
import { organizationRoutes } from './features/organizations/routes.ts';
import { projectRoutes } from './features/projects/routes.ts';
import { referenceRoutes } from './features/reference/routes.ts';
import { screenRoutes } from './features/screen/routes.ts';
import type { SigningContext } from './features/signing/context.ts';
import { signingRoutes } from './features/signing/routes.ts';
import { userRoutes } from './features/users/routes.ts';
import { webhookRoutes } from './features/webhooks/routes.ts';
import type { Actor } from './platform/access.ts';
import { actorForToken, requestToken } from './platform/auth.ts';
import { AppError, errorBody, handleError, requestLocale } from './platform/errors.ts';
import { refuseControlCharacters } from './platform/input-safety.ts';
import type { LiveHub } from './platform/live.ts';
import { addRetryAfterHeader } from './platform/retry-later.ts';
import { recordRoutes } from './platform/route-table.ts';
import { addSecurityHeaders } from './platform/security-headers.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface AppOptions {
  database: Database;
  /** true: log requests; left out: log errors only (stderr); false: no log at all. */
  logger?: boolean;
  /** The built web app (dist/web); the API runs without it. */
  webRoot?: string;
  /** Largest upload accepted, in bytes. */
  maxFileBytes?: number;
  /** Signing announcements for the ceremony screens; without it screens update only when reopened. */
  live?: LiveHub;
  /** A deployer's approved GeoJSON map for the screen (LUODI_MAP_FILE); null: the bundled one. */
  mapFile?: string | null;
  /** A deployer's province and city maps named by region code (LUODI_MAP_DIR). */
  mapDir?: string | null;
  /** Keys, notifier and TSA for cloud signing; without it the signing routes answer 503. */
  signing?: SigningContext;
  /** Proxies believed about the client's address and https (LUODI_TRUST_PROXY); default none. */
  trustProxy?: TrustProxy;
  /** Origins that may frame the ceremony screen (LUODI_FRAME_ANCESTORS); default this site only. */
  screenFrameAncestors?: string[];
  /** Bytes one user may upload in 24 hours; default 200 MiB. */
  uploadQuotaBytes?: number;
  /** The clock of the sign-in limits (tests set it). */
  now?: () => Date;
}

export type App = FastifyInstance;

// Fastify takes a hop count at run time, but its types only know a function for it.
const proxyTrust = (trust: TrustProxy) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

/** Assembles the HTTP app: platform plugins, then each feature's routes under /api. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    // Errors are logged (to stderr) unless logging is turned off outright, so every 500 can be found by its id.
    logger:
      options.logger === false
        ? false
        : options.logger
          ? { level: 'info' }
          : { level: 'error', stream: process.stderr },
    genReqId: () => randomUUID(),
    // A URL Fastify cannot decode (a bad %-escape) gets the app's error body like any other 400.
    frameworkErrors: handleError,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: proxyTrust(options.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('preValidation', refuseControlCharacters);
  recordRoutes(app);
  addSecurityHeaders(app, { screenFrameAncestors: options.screenFrameAncestors ?? [] });
  addRetryAfterHeader(app);
  const webRoot = options.webRoot ?? path.resolve(import.meta.dirname, '../../dist/web');
  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page URL gets index.html, unknown API routes get a 404 body.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const error = new AppError(
      'route_not_found',
      404,
      `没有这个地址：${request.method} ${request.url}`,
      `No such route: ${request.method} ${request.url}`,
    );
    reply.code(404).send(errorBody(error, requestLocale(request)));
  });

  await app.register(cookie);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Hashed asset names never change content: cache them for a year; index.html is always revalidated.
      setHeaders: (res, filePath) => {
        res.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  await app.register(multipart, { limits: { fileSize: options.maxFileBytes ?? 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Luodi (落地) API',
        description:
          'Investment promotion and project landing. Amounts are whole yuan; errors carry zh and en messages.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const { db } = options.database;
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = requestToken(request);
    request.actor = token ? await actorForToken(db, token) : null;
  });

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await options.database.sql`select 1`;
    return { ok: true, database: options.database.kind };
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { db, now: options.now });
      await api.register(referenceRoutes, { db });
      await api.register(userRoutes, { db });
      await api.register(organizationRoutes, { db });
      await api.register(projectRoutes, { db });
      await api.register(eventRoutes, { db });
      await api.register(agreementRoutes, { db, live: options.live ?? null });
      await api.register(signingRoutes, { db, signing: options.signing ?? null });
      await api.register(fileRoutes, { db, uploadQuotaBytes: options.uploadQuotaBytes ?? 200 * 1024 * 1024 });
      await api.register(auditRoutes, { db });
      await api.register(screenRoutes, {
        db,
        live: options.live ?? null,
        mapFile: options.mapFile ?? null,
        mapDir: options.mapDir ?? null,
      });
      await api.register(webhookRoutes, { db });
    },
    { prefix: '/api' },
  );
  return app;
}
