import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.ts';
import {
  CreateProjectBody,
  ListProjectsQuery,
  PipelineSummary,
  ProjectCount,
  ProjectFilterQuery,
  ProjectPage,
  ProjectView,
  StageMoveBody,
  Timeline,
  UpdateProjectBody,
} from '../../../contracts/projects.ts';
import type { Db } from '../../db/connect.ts';
import { requireActor } from '../../platform/auth.ts';
import { exportProjects } from './export.ts';
import { countProjects, createProject, getProject, listProjects, updateProject } from './service.ts';
import { moveProjectStage } from './stage.ts';
import { pipelineSummary } from './summary.ts';
import { projectTimeline } from './timeline.ts';

const tags = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'List, filter, sort and search projects (cursor pages)',
        querystring: ListProjectsQuery,
        response: { 200: ProjectPage },
      },
    },
    async (request) => listProjects(db, requireActor(request), request.query),
  );
  app.get(
    '/projects/count',
    {
      schema: {
        tags,
        summary: 'Count and planned investment of the projects matching the filters',
        querystring: ProjectFilterQuery,
        response: { 200: ProjectCount },
      },
    },
    async (request) => countProjects(db, requireActor(request), request.query),
  );
  app.get(
    '/projects/summary',
    {
      schema: {
        tags,
        summary: 'Pipeline at a glance: by stage, this month’s moves, stalled projects',
        response: { 200: PipelineSummary },
      },
    },
    async (request) => pipelineSummary(db, requireActor(request)),
  );
  app.get(
    '/projects/export.xlsx',
    { schema: { tags, summary: 'The filtered list as an Excel workbook', querystring: ProjectFilterQuery } },
    async (request, reply) => {
      const stream = await exportProjects(db, requireActor(request), request.query);
      const name = `projects-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(stream);
    },
  );
  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a project; amounts accept 元/万元/亿元 text',
        body: CreateProjectBody,
        response: { 201: ProjectView },
      },
    },
    async (request, reply) => {
      const project = await db.transaction((tx) => createProject(tx, requireActor(request), request.body));
      return reply.code(201).send(project);
    },
  );
  app.get(
    '/projects/:id',
    { schema: { tags, summary: 'One project', params: IdParams, response: { 200: ProjectView } } },
    async (request) => getProject(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Change a project (send the version you read)',
        params: IdParams,
        body: UpdateProjectBody,
        response: { 200: ProjectView },
      },
    },
    async (request) =>
      db.transaction((tx) => updateProject(tx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/projects/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move the project to another stage, dated, with evidence',
        params: IdParams,
        body: StageMoveBody,
        response: { 200: ProjectView },
      },
    },
    async (request) =>
      db.transaction((tx) => moveProjectStage(tx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/projects/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Stage history and audited changes, newest first',
        params: IdParams,
        response: { 200: Timeline },
      },
    },
    async (request) => projectTimeline(db, requireActor(request), request.params.id),
  );
};
