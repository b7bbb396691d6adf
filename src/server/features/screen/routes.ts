import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.ts';
import { ScreenSnapshot } from '../../../contracts/screen.ts';
import type { Db } from '../../db/connect.ts';
import type { LiveHub } from '../../platform/live.ts';
import { loadScreenMap } from './map.ts';
import { eventAncestors, screenState } from './queries.ts';
import { createScreenStreams } from './stream.ts';

const tags = ['screen'];

export interface ScreenRouteOptions {
  db: Db;
  /** Where signings are announced; without it the stream sends its first snapshot and heartbeats only. */
  live: LiveHub | null;
  /** A deployer's approved GeoJSON map (LUODI_MAP_FILE); null serves the bundled one. */
  mapFile?: string | null;
}

/** The public ceremony screen: signed figures of an event, live over Server-Sent Events, and the map. */
export const screenRoutes: FastifyPluginAsyncZod<ScreenRouteOptions> = async (app, options) => {
  const { db } = options;
  const map = loadScreenMap(options.mapFile ?? null);
  const streams = createScreenStreams({
    load: (eventId) => screenState(db, eventId),
    provinceName: map.provinceName,
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

  app.get(
    '/screen/map',
    { schema: { tags, summary: 'The GeoJSON map of China the screen draws (public)', security: [] } },
    async (_request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(map.body),
  );
};
