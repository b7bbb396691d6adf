import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateUserBody, UserView } from '../../../contracts/users.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { createUser, listUsers } from './service.ts';

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of your region (administrators)',
        response: { 200: z.object({ items: z.array(UserView) }) },
      },
    },
    async (request) => ({
      items: await listUsers(db, requireActor(request)),
    }),
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (administrators)',
        body: CreateUserBody,
        response: { 201: UserView },
      },
    },
    async (request, reply) => {
      const user = await db.transaction((tx) => createUser(tx, requireActor(request), request.body));
      return reply.code(201).send(user);
    },
  );
};
