import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.ts';
import type { Db } from '../../db/connect.ts';
import { files } from '../../db/schema.ts';
import { fileScope } from '../../platform/access.ts';
import { requireActor } from '../../platform/auth.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { readUpload } from '../../platform/uploads.ts';

const FileView = z.object({
  id: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
const ALLOWED_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export const fileRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart field "file"): evidence, documents',
        response: { 201: FileView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = await readUpload(request, (part) => {
        if (!ALLOWED_TYPES.has(part.mimetype))
          throw new AppError(
            'validation',
            400,
            `不支持的文件类型：${part.mimetype}（可上传 PDF、JPG、PNG、XLSX、DOCX）`,
            `Unsupported file type: ${part.mimetype} (PDF, JPG, PNG, XLSX, DOCX accepted)`,
            [{ code: 'file.type', field: 'file', zh: '不支持的文件类型', en: 'Unsupported file type' }],
          );
      });
      const { content } = upload;
      const sha256 = createHash('sha256').update(content).digest('hex');
      const [row] = await db
        .insert(files)
        .values({
          name: upload.filename.slice(0, 255) || 'file',
          mimeType: upload.mimetype,
          size: content.length,
          sha256,
          content,
          regionCode: actor.regionCode,
          createdBy: actor.id,
        })
        .returning({
          id: files.id,
          name: files.name,
          mimeType: files.mimeType,
          size: files.size,
          sha256: files.sha256,
        });
      if (!row) throw new Error('insert returned no row');
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
