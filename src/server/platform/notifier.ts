// Messages to people outside the app (signing links, one-time codes): logged in development, SMTP when configured.

import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';

/** One message to one person. `kind` lets logs and tests find it; `text` is the whole body (zh and en). */
export type OutgoingMessage = {
  kind: 'signing-link' | 'signing-code' | 'signing-completed' | 'signing-declined';
  to: { name: string; email: string | null; mobile: string | null };
  subject: string;
  text: string;
  /** Machine-readable extras kept in the development outbox (the link, the code) for scripts and tests. */
  data?: Record<string, string>;
};

/** Where the message went: an e-mail address, or the development log. */
export type Delivery = { channel: 'email' | 'log'; deliveredTo: string };

export interface Notifier {
  send(message: OutgoingMessage): Promise<Delivery>;
  close(): Promise<void>;
}

/** One line of the development outbox file. */
export type OutboxEntry = {
  at: string;
  kind: OutgoingMessage['kind'];
  to: OutgoingMessage['to'];
  subject: string;
  text: string;
  data: Record<string, string>;
};

export interface NotifierOptions {
  /** smtp://user:pass@host:587 or smtps://…; null logs messages instead (development). */
  smtpUrl: string | null;
  mailFrom: string;
  /** Development only: every logged message is also appended here as one JSON line. */
  outboxFile: string | null;
  log?: (line: string) => void;
}

// An API request waits on the send: fail in seconds, not nodemailer's default two minutes.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const recipientText = (to: OutgoingMessage['to']) =>
  [to.name, to.email ? `<${to.email}>` : null, to.mobile ? `(${to.mobile})` : null].filter(Boolean).join(' ');

/** Sends signing links and codes: through SMTP when configured, otherwise to the log and the outbox file. */
export function createNotifier(options: NotifierOptions): Notifier {
  const log = options.log ?? ((line: string) => console.log(line));
  const transport = options.smtpUrl ? createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS }) : null;

  async function toLog(message: OutgoingMessage, note: string | null): Promise<Delivery> {
    const header = `[notifier] ${message.kind} → ${recipientText(message.to)}${note ? ` (${note})` : ''}: ${message.subject}`;
    log(`${header}\n${message.text}`);
    if (options.outboxFile) {
      const entry: OutboxEntry = {
        at: new Date().toISOString(),
        kind: message.kind,
        to: message.to,
        subject: message.subject,
        text: message.text,
        data: message.data ?? {},
      };
      await mkdir(path.dirname(options.outboxFile), { recursive: true });
      // 0600: the outbox holds one-time codes and signing links.
      await appendFile(options.outboxFile, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
    }
    return { channel: 'log', deliveredTo: message.to.email ?? message.to.mobile ?? message.to.name };
  }

  return {
    async send(message) {
      if (!transport) return toLog(message, null);
      const email = message.to.email;
      if (!email) return toLog(message, 'no e-mail address, logged instead of sent');
      try {
        await transport.sendMail({
          from: options.mailFrom,
          to: { name: message.to.name, address: email },
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Could not deliver the ${message.kind} message to ${message.to.name} <${email}>: ${reason}`,
        );
      }
      return { channel: 'email', deliveredTo: email };
    },
    async close() {
      transport?.close();
    },
  };
}

/** The development outbox, oldest first; an outbox not yet written reads as empty. */
export async function readOutbox(file: string): Promise<OutboxEntry[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return content
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as OutboxEntry);
}
