import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.ts';
import { ScreenSnapshot } from '../../../contracts/screen.ts';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../platform/errors.ts';
import type { LiveHub } from '../../platform/live.ts';
import { loadScreenMaps } from './map.ts';
import { eventAncestors, screenState } from './queries.ts';
import { createScreenStreams } from './stream.ts';

const tags = ['screen'];
const SCREEN_MAP = { zh: '地图', en: 'Map' };
const ScreenMapParams = z.object({
  key: z
    .string()
    .regex(/^(china|\d{6})$/)
    .describe('`china` or a GB/T 2260 region code'),
});

export interface ScreenRouteOptions {
  db: Db;
  /** Where signings are announced; without it the stream sends its first snapshot and heartbeats only. */
  live: LiveHub | null;
  /** A deployer's approved GeoJSON map (LUODI_MAP_FILE); null serves the bundled one. */
  mapFile?: string | null;
  /** A deployer's province and city maps named by region code (LUODI_MAP_DIR). */
  mapDir?: string | null;
}

/** The public ceremony screen: signed figures of an event, live over Server-Sent Events, and the map. */
export const screenRoutes: FastifyPluginAsyncZod<ScreenRouteOptions> = async (app, options) => {
  const { db } = options;
  const maps = loadScreenMaps({ mapFile: options.mapFile ?? null, mapDir: options.mapDir ?? null });
  const streams = createScreenStreams({
    load: (eventId) => screenState(db, eventId),
    maps,
    ancestors: (eventId) => eventAncestors(db, eventId),
    live: options.live,
  });
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => streams.close());

  app.get(
    '/screen/events/:id',
    {
      schema: {
        tags,
        summary: 'Signed figures of an event and its parts for the ceremony screen (public)',
        security: [],
        params: IdParams,
        response: { 200: ScreenSnapshot },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return streams.snapshot(request.params.id);
    },
  );

  app.get(
    '/screen/events/:id/stream',
    {
      schema: {
        tags,
        summary:
          'Server-Sent Events: `event: snapshot` on connect and after every signing at the event or its parts (public)',
        security: [],
        params: IdParams,
      },
    },
    async (request, reply) => {
      // Unknown events are refused with a 404 body before the stream starts.
      await streams.open(request.params.id, reply.raw, () => reply.hijack());
    },
  );

  const sendMap = (reply: FastifyReply, body: string) =>
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);

  app.get(
    '/screen/map',
    {
      schema: {
        tags,
        summary: 'The GeoJSON map of China the screen draws, with its 南海诸岛 inset (public)',
        security: [],
      },
    },
    async (_request, reply) => sendMap(reply, maps.national.body),
  );

  app.get(
    '/screen/maps/:key',
    {
      schema: {
        tags,
        summary:
          "A map a screen draws, by the key in its snapshot's `map`: `china` or a region code (public)",
        security: [],
        params: ScreenMapParams,
      },
    },
    async (request, reply) => {
      const map = maps.byKey(request.params.key);
      if (!map) throw notFound(SCREEN_MAP, request.params.key);
      return sendMap(reply, map.body);
    },
  );
};
