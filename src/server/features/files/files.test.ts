import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../testing/app.ts';

let t: TestContext;
let fuzhou: TestUser;
let quanzhou: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  fuzhou = await t.user('officer', '350100');
  quanzhou = await t.user('officer', '350500');
});
afterAll(() => t.close());

function upload(user: TestUser, name: string, type: string, content: Buffer, field = 'file') {
  const boundary = '----luodi-files';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: {
      authorization: `Bearer ${user.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

describe('files', () => {
  it('stores an upload with its hash and gives the same bytes back to its region', async () => {
    const content = Buffer.from('%PDF-1.4\n施工许可证\n');
    const created = await upload(fuzhou, '施工许可证.pdf', 'application/pdf', content);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '施工许可证.pdf',
      size: content.length,
      mimeType: 'application/pdf',
    });
    expect(created.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await t.call(fuzhou, 'GET', `/api/files/${created.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('施工许可证.pdf'));
    expect((await t.call(quanzhou, 'GET', `/api/files/${created.json().id}`)).statusCode).toBe(404);
    expect((await t.call(null, 'GET', `/api/files/${created.json().id}`)).statusCode).toBe(401);
  });

  it.each([
    ['an executable', 'tool.exe', 'application/x-msdownload', Buffer.from('MZ'), 'file', 'file.type'],
    ['an empty file', 'empty.pdf', 'application/pdf', Buffer.alloc(0), 'file', 'file.empty'],
    [
      'a file under another field name',
      'a.pdf',
      'application/pdf',
      Buffer.from('%PDF'),
      'document',
      'file.missing',
    ],
  ])('refuses %s with 400 (%s)', async (_what, name, type, content, field, code) => {
    const response = await upload(fuzhou, name, type, content, field);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].code).toBe(code);
  });

  it('refuses a file over the size limit with 413', async () => {
    const response = await upload(fuzhou, 'big.pdf', 'application/pdf', Buffer.alloc(21 * 1024 * 1024, 1));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('too_large');
  });
});
