import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.ts';
import {
  AgendaBody,
  CreateEventBody,
  EventPage,
  EventView,
  ListEventsQuery,
  RunSheetBody,
  UpdateEventBody,
} from '../../../contracts/events.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { setAgenda, setRunSheet } from './programme.ts';
import { createEvent, getEvent, listEvents, updateEvent } from './service.ts';

const tags = ['events'];

export const eventRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Events of your region, newest first',
        querystring: ListEventsQuery,
        response: { 200: EventPage },
      },
    },
    async (request) => listEvents(db, requireActor(request), request.query),
  );
  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Create an event with its organizers (主办/协办/承办) and venues',
        body: CreateEventBody,
        response: { 201: EventView },
      },
    },
    async (request, reply) => {
      const event = await db.transaction((tx) => createEvent(tx, requireActor(request), request.body));
      return reply.code(201).send(event);
    },
  );
  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'An event with its programme, run sheet and totals',
        params: IdParams,
        response: { 200: EventView },
      },
    },
    async (request) => getEvent(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Change an event (send the version you read)',
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: EventView },
      },
    },
    async (request) =>
      db.transaction((tx) => updateEvent(tx, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/events/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Replace the agenda',
        params: IdParams,
        body: AgendaBody,
        response: { 200: EventView },
      },
    },
    async (request) =>
      db.transaction((tx) => setAgenda(tx, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/events/:id/run-sheet',
    {
      schema: {
        tags,
        summary: 'Replace the run sheet of signing slots',
        params: IdParams,
        body: RunSheetBody,
        response: { 200: EventView },
      },
    },
    async (request) =>
      db.transaction((tx) => setRunSheet(tx, requireActor(request), request.params.id, request.body)),
  );
};
