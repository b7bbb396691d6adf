import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier, type OutgoingMessage, readOutbox } from './notifier.ts';

const codeMessage = (to: OutgoingMessage['to']): OutgoingMessage => ({
  kind: 'signing-code',
  to,
  subject: '落地签约验证码 / Luodi signing code',
  text: '您的验证码是 482913，10 分钟内有效。\nYour code is 482913, valid for 10 minutes.',
  data: { code: '482913' },
});

const zhang = { name: '张伟', email: 'zhang.wei@example.cn', mobile: '13800138000' };

/** Decodes RFC 2047 words (=?UTF-8?B?…?=) in a header, joining adjacent ones byte-wise. */
function decodeHeader(value: string): string {
  const words = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  return value.replace(/=\?utf-8\?[bq]\?[^?]*\?=(\s+=\?utf-8\?[bq]\?[^?]*\?=)*/gi, (run) => {
    const bytes = [...run.matchAll(words)].map(([, encoding, text = '']) =>
      encoding?.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** The headers and decoded text of a single-part message as the SMTP server received it. */
function parseMail(raw: Buffer): { headers: Record<string, string>; text: string } {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of source
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  const body = source.slice(split + 4);
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body, 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          )
        : Buffer.from(body, 'latin1');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'luodi-notifier-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('without SMTP (development)', () => {
  it('logs the message and appends it to the outbox, which only the owner may read', async () => {
    const lines: string[] = [];
    const outboxFile = path.join(folder, 'nested', 'outbox.jsonl');
    const notifier = createNotifier({ smtpUrl: null, mailFrom: 'x', outboxFile, log: (l) => lines.push(l) });
    const delivery = await notifier.send(codeMessage(zhang));
    expect(delivery).toEqual({ channel: 'log', deliveredTo: 'zhang.wei@example.cn' });
    expect(lines.join('\n')).toContain('signing-code → 张伟 <zhang.wei@example.cn>');
    expect(lines.join('\n')).toContain('您的验证码是 482913');
    expect((await stat(outboxFile)).mode & 0o777).toBe(0o600);

    const second = await notifier.send({
      kind: 'signing-link',
      to: { name: 'Li Na', email: null, mobile: '13900139000' },
      subject: '请签署 / Please sign',
      text: 'https://luodi.example/sign/abc',
      data: { link: 'https://luodi.example/sign/abc' },
    });
    expect(second.deliveredTo).toBe('13900139000');
    const outbox = await readOutbox(outboxFile);
    expect(outbox.map((entry) => entry.kind)).toEqual(['signing-code', 'signing-link']);
    expect(outbox[0]?.data.code).toBe('482913');
    expect(outbox[1]?.to.name).toBe('Li Na');
    expect(Number.isNaN(Date.parse(outbox[0]?.at ?? ''))).toBe(false);
    await notifier.close();
  });

  it('reads a missing outbox as empty', async () => {
    expect(await readOutbox(path.join(folder, 'none.jsonl'))).toEqual([]);
  });
});

describe('with SMTP', () => {
  const received: { from: string; to: string[]; raw: Buffer }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers to the e-mail address with subject and Chinese body intact', async () => {
    const notifier = createNotifier({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'Luodi 落地 <no-reply@luodi.test>',
      outboxFile: null,
    });
    const delivery = await notifier.send(codeMessage(zhang));
    await notifier.close();
    expect(delivery).toEqual({ channel: 'email', deliveredTo: 'zhang.wei@example.cn' });
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.from).toBe('no-reply@luodi.test');
    expect(mail?.to).toEqual(['zhang.wei@example.cn']);
    const parsed = parseMail(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.headers.subject).toBe('落地签约验证码 / Luodi signing code');
    expect(parsed.headers.to).toMatch(/张伟"? <zhang\.wei@example\.cn>/);
    expect(parsed.headers['content-type']).toMatch(/charset=utf-8/i);
    expect(parsed.text.trim()).toBe(codeMessage(zhang).text);
  });

  it('logs a message to someone without an e-mail address and says so', async () => {
    const lines: string[] = [];
    const notifier = createNotifier({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'no-reply@luodi.test',
      outboxFile: null,
      log: (line) => lines.push(line),
    });
    const before = received.length;
    const delivery = await notifier.send(codeMessage({ name: '王芳', email: null, mobile: '13700137000' }));
    await notifier.close();
    expect(delivery).toEqual({ channel: 'log', deliveredTo: '13700137000' });
    expect(received).toHaveLength(before);
    expect(lines[0]).toContain('no e-mail address');
  });
});

it('names the recipient and the reason when the SMTP server refuses the connection', async () => {
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const closedPort = typeof address === 'object' && address ? address.port : 1;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const notifier = createNotifier({
    smtpUrl: `smtp://127.0.0.1:${closedPort}`,
    mailFrom: 'no-reply@luodi.test',
    outboxFile: null,
  });
  await expect(notifier.send(codeMessage(zhang))).rejects.toThrow(
    /Could not deliver the signing-code message to 张伟 <zhang\.wei@example\.cn>: .*ECONNREFUSED/,
  );
  await notifier.close();
});
