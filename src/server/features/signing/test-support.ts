import { crc32, deflateSync } from 'node:zlib';
import type { TestContext, TestUser } from '../../testing/app.ts';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG from raw scanlines (filter byte included), with any extra chunks (PLTE, tRNS) before the data. */
export function encodePng(
  width: number,
  height: number,
  format: { colorType: number; depth: number },
  scanlines: Buffer,
  extra: [string, Buffer][] = [],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([format.depth, format.colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra.map(([type, data]) => chunk(type, data)),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An 8-bit RGBA PNG whose pixels come from a function, base64-encoded as the signer page sends it. */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => number[]): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x += 1) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  return encodePng(width, height, { colorType: 6, depth: 8 }, Buffer.concat(rows)).toString('base64');
}

/** A real PNG of a diagonal stroke, like a drawn signature, base64-encoded as the signer page sends it. */
export function drawnSignaturePng(width = 120, height = 40): string {
  return rgbaPng(width, height, (x, y) =>
    Math.abs(Math.round((x * height) / width) - y) <= 1 ? [20, 30, 90, 255] : [0, 0, 0, 0],
  );
}

export type Party = { organizationId: string; signers: { name: string; email?: string; title?: string }[] };

/** Creates organizations for a test, returning their ids. */
export async function organizationsFor(
  t: TestContext,
  officer: TestUser,
  names: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const nameZh of names) {
    const response = await t.call(officer, 'POST', '/api/organizations', { nameZh, type: 'private' });
    if (response.statusCode !== 201) throw new Error(response.body);
    ids.push(response.json().id);
  }
  return ids;
}

/** Drafts and sends an agreement; returns it with each signer's link token (from the outbox). */
export async function sendAgreementFor(
  t: TestContext,
  officer: TestUser,
  input: {
    parties: Party[];
    signingOrder?: 'parallel' | 'sequential';
    expiresOn?: string;
    eventId?: string;
    projectIds?: string[];
  },
) {
  const created = await t.call(officer, 'POST', '/api/agreements', {
    typeCode: 'strategic_cooperation',
    titleZh: '新能源产业战略合作协议',
    titleEn: 'Strategic cooperation agreement on new energy',
    amount: '12.5亿',
    signingOrder: input.signingOrder ?? 'parallel',
    expiresOn: input.expiresOn,
    eventId: input.eventId,
    projectIds: input.projectIds,
    parties: input.parties,
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const sent = await t.call(officer, 'POST', `/api/agreements/${created.json().id}/send`, {
    version: created.json().version,
  });
  if (sent.statusCode !== 200) throw new Error(sent.body);
  return sent.json() as { id: string; version: number; status: string };
}

/** The newest link or code sent to a signer, from the development outbox. */
export async function lastMessage(t: TestContext, kind: 'signing-link' | 'signing-code', name: string) {
  const messages = (await t.outbox()).filter((m) => m.kind === kind && m.to.name === name);
  const last = messages.at(-1);
  if (!last) throw new Error(`no ${kind} for ${name}`);
  return last;
}

export async function linkTokenOf(t: TestContext, name: string): Promise<string> {
  const url = (await lastMessage(t, 'signing-link', name)).data.url ?? '';
  return url.slice(url.lastIndexOf('/') + 1);
}

/** Asks for a code, reads it from the outbox and confirms it: what a signer does before signing. */
export async function confirmCode(t: TestContext, token: string, name: string) {
  const asked = await t.call(null, 'POST', `/api/sign/${token}/code`);
  if (asked.statusCode !== 200) throw new Error(asked.body);
  const code = (await lastMessage(t, 'signing-code', name)).data.code;
  const verified = await t.call(null, 'POST', `/api/sign/${token}/verify`, { code });
  if (verified.statusCode !== 200) throw new Error(verified.body);
}

export const drawn = () => ({ signature: { kind: 'drawn', png: drawnSignaturePng() } });
