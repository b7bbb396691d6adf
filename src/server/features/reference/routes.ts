import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CodeItem,
  IndustriesQuery,
  IndustryNode,
  RegionNode,
  RegionsQuery,
} from '../../../contracts/reference.ts';
import { STAGE_LABELS, STAGES } from '../../../domain/stages.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import {
  listCodes,
  listDigitalEconomyClasses,
  listIndustries,
  listRegions,
  searchIndustries,
} from './service.ts';

const CODE_LISTS = ['investor_types', 'project_categories', 'agreement_types'] as const;

export const referenceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/reference/regions',
    {
      schema: {
        tags: ['reference'],
        summary: 'GB/T 2260 regions within your scope, one level at a time',
        querystring: RegionsQuery,
        response: { 200: z.object({ items: z.array(RegionNode) }) },
      },
    },
    async (request) => ({ items: await listRegions(db, requireActor(request), request.query.parent) }),
  );
  app.get(
    '/reference/industries',
    {
      schema: {
        tags: ['reference'],
        summary: 'GB/T 4754-2017 industries, one level at a time',
        querystring: IndustriesQuery,
        response: { 200: z.object({ items: z.array(IndustryNode) }) },
      },
    },
    async (request) => {
      requireActor(request);
      const { q, parent, level } = request.query;
      return { items: q ? await searchIndustries(db, q) : await listIndustries(db, parent, level) };
    },
  );
  app.get(
    '/reference/digital-economy',
    {
      schema: {
        tags: ['reference'],
        summary: '2021 digital-economy classification',
        response: { 200: z.object({ items: z.array(IndustryNode) }) },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listDigitalEconomyClasses(db) };
    },
  );
  for (const list of CODE_LISTS) {
    app.get(
      `/reference/${list.replaceAll('_', '-')}`,
      {
        schema: {
          tags: ['reference'],
          summary: `Code list: ${list}`,
          response: { 200: z.object({ items: z.array(CodeItem) }) },
        },
      },
      async () => ({ items: await listCodes(db, list) }),
    );
  }
  app.get(
    '/reference/stages',
    {
      schema: {
        tags: ['reference'],
        summary: 'Project lifecycle stages',
        response: { 200: z.object({ items: z.array(CodeItem) }) },
      },
    },
    async () => ({
      items: STAGES.map((code) => ({ code, nameZh: STAGE_LABELS[code].zh, nameEn: STAGE_LABELS[code].en })),
    }),
  );
};
