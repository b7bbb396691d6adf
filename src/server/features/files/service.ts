import { createHash } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { files } from '../../db/schema.ts';
import type { Actor } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { RetryLaterError } from '../../platform/retry-later.ts';
import type { Upload } from '../../platform/uploads.ts';

/** Bytes as people read them: "5.9 KB", "200.0 MB". */
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Stores an upload of the actor, within their quota of bytes per 24 hours (counted from the files table,
 * under a per-user lock so parallel uploads cannot pass it together).
 */
export async function storeFile(db: Db, actor: Actor, input: { upload: Upload; quotaBytes: number }) {
  const { upload, quotaBytes } = input;
  const { content } = upload;
  if (content.length > quotaBytes)
    throw new AppError(
      'upload.quota',
      413,
      `文件有 ${size(content.length)}，超过每人每天 ${size(quotaBytes)} 的上传限额`,
      `The file is ${size(content.length)}, more than the daily upload quota of ${size(quotaBytes)} per user`,
      [{ code: 'upload.quota', field: 'file', zh: '超过上传限额', en: 'Over the upload quota' }],
    );
  const sha256 = createHash('sha256').update(content).digest('hex');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`luodi.upload.${actor.id}`}))`);
    const [used] = await tx
      .select({
        bytes: sql<string>`coalesce(sum(${files.size}), 0)`,
        freedInSeconds: sql<
          string | null
        >`ceil(extract(epoch from min(${files.createdAt}) + interval '1 day' - now()))`,
      })
      .from(files)
      .where(and(eq(files.createdBy, actor.id), gt(files.createdAt, sql`now() - interval '1 day'`)));
    const usedBytes = Number(used?.bytes ?? 0);
    if (usedBytes + content.length > quotaBytes) {
      const minutes = Math.max(1, Math.ceil(Number(used?.freedInSeconds ?? 60) / 60));
      throw new RetryLaterError(
        'upload.quota',
        `今天的上传已达限额：已用 ${size(usedBytes)}，限额 ${size(quotaBytes)}（24 小时内）；请 ${minutes} 分钟后再试`,
        `Daily upload quota reached: ${size(usedBytes)} used of ${size(quotaBytes)} in 24 hours; try again in ${minutes} minutes`,
        minutes * 60,
        [{ code: 'upload.quota', field: 'file', zh: '超过上传限额', en: 'Over the upload quota' }],
      );
    }
    const [row] = await tx
      .insert(files)
      .values({
        name: upload.filename.slice(0, 255) || 'file',
        mimeType: upload.kind.mimeType,
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
    return row;
  });
}
