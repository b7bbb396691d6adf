import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../app.ts';
import type { Database } from '../../db/connect.ts';
import { files } from '../../db/schema.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { createUser } from '../users/service.ts';

const QUOTA = 10_000;
let database: Database;
let app: App;
let counter = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, uploadQuotaBytes: QUOTA, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function newUser(): Promise<{ id: string; token: string }> {
  counter += 1;
  const username = `uploader.${counter}`;
  const created = await createUser(database.db, null, {
    username,
    displayName: username,
    password: 'upload-password-1',
    role: 'officer',
    regionCode: '350100',
    locale: 'en-US',
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password: 'upload-password-1' },
  });
  return { id: created.id, token: response.json<{ token: string }>().token };
}

function upload(user: { token: string }, name: string, type: string, content: Buffer | Uint8Array) {
  const { contentType, payload } = multipartFile({ name, type, content });
  return app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType },
    payload,
  });
}

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('uploads are typed by their content', () => {
  it('accepts a real workbook, and stores the type found rather than the one declared', async () => {
    const user = await newUser();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('项目').addRow(['名称', '金额']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const declared = await upload(user, '项目清单.xlsx', XLSX, xlsx);
    expect(declared.statusCode).toBe(201);
    expect(declared.json().mimeType).toBe(XLSX);
    const generic = await upload(user, 'photo', 'application/octet-stream', PNG);
    expect(generic.statusCode).toBe(201);
    expect(generic.json().mimeType).toBe('image/png');
  });

  it('refuses a PNG sent as a PDF, naming what it found', async () => {
    const response = await upload(await newUser(), 'permit.pdf', 'application/pdf', PNG);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ code: 'file.type_mismatch', field: 'file' });
    expect(response.json().error.en).toBe(
      'The file "permit.pdf" is declared as application/pdf but its content is a PNG image',
    );
  });

  it.each([
    ['an HTML page', '<!doctype html><script>alert(1)</script>', "The file's content is an HTML page"],
    ['a Windows program', 'MZ\x90\x00', "The file's content is a Windows program"],
    ['plain text', 'just words', "The file's content is unrecognized content"],
  ])('refuses %s declared as a PDF, saying what it is', async (_what, content, message) => {
    const response = await upload(
      await newUser(),
      'permit.pdf',
      'application/pdf',
      Buffer.from(content, 'latin1'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].code).toBe('file.type');
    expect(response.json().error.en).toContain(message);
  });
});

describe('upload quota per user', () => {
  it('answers 429 with Retry-After once a user has uploaded their bytes of the day; others are not affected', async () => {
    const user = await newUser();
    expect((await upload(user, 'a.pdf', 'application/pdf', pdfOf(6_000))).statusCode).toBe(201);
    const over = await upload(user, 'b.pdf', 'application/pdf', pdfOf(5_000));
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('upload.quota');
    expect(over.json().error.en).toContain('5.9 KB used of 9.8 KB in 24 hours');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect((await upload(await newUser(), 'b.pdf', 'application/pdf', pdfOf(5_000))).statusCode).toBe(201);
    // Uploads older than a day no longer count.
    await database.db
      .update(files)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(files.createdBy, user.id));
    expect((await upload(user, 'b.pdf', 'application/pdf', pdfOf(5_000))).statusCode).toBe(201);
  });

  it('refuses a single file larger than the whole quota with 413', async () => {
    const response = await upload(await newUser(), 'big.pdf', 'application/pdf', pdfOf(QUOTA + 1));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.details[0]).toMatchObject({ code: 'upload.quota', field: 'file' });
  });

  it('lets parallel uploads past the quota together no further than it allows', async () => {
    const user = await newUser();
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => upload(user, `${i}.pdf`, 'application/pdf', pdfOf(3_000))),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(3);
  });
});
