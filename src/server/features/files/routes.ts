import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.ts';
import type { Db } from '../../db/connect.ts';
import { files } from '../../db/schema.ts';
import { fileScope } from '../../platform/access.ts';
import { requireActor } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import { readUpload } from '../../platform/uploads.ts';
import { storeFile } from './service.ts';

const FileView = z.object({
  id: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export const fileRoutes: FastifyPluginAsyncZod<{ db: Db; uploadQuotaBytes: number }> = async (
  app,
  { db, uploadQuotaBytes },
) => {
  app.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary:
          'Upload one file (multipart field "file"): PDF, JPG, PNG, XLSX or DOCX, typed by its content; quota per user per day',
        response: { 201: FileView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await storeFile(db, actor, {
        upload: await readUpload(request),
        quotaBytes: uploadQuotaBytes,
      });
      return reply.code(201).send(row);
    },
  );
  app.get(
    '/files/:id',
    { schema: { tags: ['files'], summary: 'Download a file', params: IdParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const [file] = await db
        .select()
        .from(files)
        .where(and(eq(files.id, request.params.id), fileScope(actor, files.id, files.createdBy)));
      if (!file) throw notFound({ zh: '文件', en: 'File' }, request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.content);
    },
  );
};
