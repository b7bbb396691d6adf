import { z } from 'zod';
import { LOCALES, ROLES } from '../domain/codes.ts';

export const CreateUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(200),
  role: z.enum(ROLES),
  regionCode: z.string().min(2).max(12),
  organizationId: z.uuid().optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  organizationId: z.uuid().nullable(),
  locale: z.enum(LOCALES),
  isDisabled: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;
