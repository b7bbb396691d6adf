import { z } from 'zod';
import { LOCALES, ROLES } from '../domain/codes.ts';

export const SignInBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  organizationId: z.uuid().nullable(),
  locale: z.enum(LOCALES),
});
export type Me = z.infer<typeof Me>;

/** The demo sign-in the sign-in page may show; null unless the database holds the demo with its passwords. */
export const DemoSignIn = z.object({
  example: z.object({ username: z.string(), password: z.string() }).nullable(),
});
export type DemoSignIn = z.infer<typeof DemoSignIn>;

export const SignInResponse = z.object({ token: z.string(), expiresAt: z.string(), user: Me });
