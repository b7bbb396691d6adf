import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on a free port; `status` is what it answers next (with `location`, a redirect). */
export async function startReceiver() {
  const received: Received[] = [];
  const receiver = {
    received,
    status: 200,
    location: null as string | null,
    url: '',
    port: 0,
    server: null as Server | null,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.status, {
        'content-type': 'text/plain',
        ...(receiver.location ? { location: receiver.location } : {}),
      });
      response.end(receiver.status >= 400 ? 'receiver is down for maintenance' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  receiver.port = typeof address === 'object' && address ? address.port : 0;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/luodi`;
  receiver.server = server;
  return receiver;
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export const stopReceiver = (receiver: Receiver) =>
  new Promise<void>((resolve) => receiver.server?.close(() => resolve()));
