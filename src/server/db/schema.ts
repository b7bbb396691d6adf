// The whole database schema, one module per capability; drizzle-kit generates migrations from it.
export * from './schema/agreements.ts';
export * from './schema/events.ts';
export * from './schema/identity.ts';
export * from './schema/organizations.ts';
export * from './schema/platform.ts';
export * from './schema/projects.ts';
export * from './schema/reference.ts';
export * from './schema/signing.ts';
export * from './schema/webhooks.ts';
