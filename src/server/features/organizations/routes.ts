import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateOrganizationBody,
  DuplicateCheckBody,
  DuplicateList,
  ListOrganizationsQuery,
  MergeBody,
  MergeResult,
  OrganizationPage,
  OrganizationView,
  UpdateOrganizationBody,
} from '../../../contracts/organizations.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { mergeOrganizations } from './merge.ts';
import {
  createOrganization,
  findDuplicates,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './service.ts';

const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'List and search organizations',
        querystring: ListOrganizationsQuery,
        response: { 200: OrganizationPage },
      },
    },
    async (request) => listOrganizations(db, requireActor(request), request.query),
  );
  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organization (USCI checked)',
        body: CreateOrganizationBody,
        response: { 201: OrganizationView },
      },
    },
    async (request, reply) => {
      const organization = await db.transaction((tx) =>
        createOrganization(tx, requireActor(request), request.body),
      );
      return reply.code(201).send(organization);
    },
  );
  app.post(
    '/organizations/duplicate-check',
    {
      schema: {
        tags,
        summary: 'Organizations that look like the one being entered',
        body: DuplicateCheckBody,
        response: { 200: DuplicateList },
      },
    },
    async (request) => ({
      items: await findDuplicates(db, requireActor(request), request.body),
    }),
  );
  app.get(
    '/organizations/:id',
    { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: OrganizationView } } },
    async (request) => getOrganization(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organization (send the version you read)',
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: OrganizationView },
      },
    },
    async (request) =>
      db.transaction((tx) => updateOrganization(tx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/organizations/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Duplicate candidates of an organization',
        params: IdParams,
        response: { 200: DuplicateList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const organization = await getOrganization(db, actor, request.params.id);
      return {
        items: await findDuplicates(db, actor, {
          nameZh: organization.nameZh,
          usci: organization.usci,
          excludeId: organization.id,
        }),
      };
    },
  );
  app.post(
    '/organizations/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this organization',
        params: IdParams,
        body: MergeBody,
        response: { 200: MergeResult },
      },
    },
    async (request) =>
      db.transaction((tx) =>
        mergeOrganizations(tx, requireActor(request), request.params.id, request.body.sourceId),
      ),
  );
};
