import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DemoSignIn, Me, SignInBody, SignInResponse } from '../../../contracts/auth.ts';
import { SIGN_IN_LIMIT } from '../../../domain/sign-in.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access.ts';
import {
  DEVICE_COOKIE,
  requestToken,
  requireActor,
  SESSION_COOKIE,
  signIn,
  signOut,
} from '../../platform/auth.ts';
import { createDemoSignIn } from './demo.ts';

const toMe = (actor: Actor): Me => ({
  id: actor.id,
  username: actor.username,
  displayName: actor.displayName,
  role: actor.role,
  regionCode: actor.regionCode,
  organizationId: actor.organizationId,
  locale: actor.locale,
});

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; now?: () => Date }> = async (app, { db, now }) => {
  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns a bearer token',
        body: SignInBody,
        response: { 200: SignInResponse },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const deviceToken = request.cookies[DEVICE_COOKIE] ?? null;
      const session = await signIn(db, { username, password, address: request.ip, deviceToken }, now);
      if (session.newDeviceToken)
        reply.setCookie(DEVICE_COOKIE, session.newDeviceToken, {
          path: '/api/auth',
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          maxAge: SIGN_IN_LIMIT.deviceDays * 86_400,
        });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toMe(session.actor) };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Revoke the current session' } },
    async (request, reply) => {
      const token = requestToken(request);
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: request.protocol === 'https' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me } } },
    async (request) => toMe(requireActor(request)),
  );

  // The web app asks who is signed in on every load; "nobody" is an answer, not an error.
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, or null',
        response: { 200: z.object({ user: Me.nullable() }) },
      },
    },
    async (request) => ({ user: request.actor ? toMe(request.actor) : null }),
  );

  const demoSignIn = createDemoSignIn(db);
  app.get(
    '/auth/demo',
    {
      schema: {
        tags: ['auth'],
        summary:
          'A demo sign-in to show on the sign-in page, or null when the database holds no demo data (public)',
        security: [],
        response: { 200: DemoSignIn },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return demoSignIn();
    },
  );
};
