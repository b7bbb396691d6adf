// Runs PGlite (PostgreSQL in WASM) in its own thread and serves it over the PostgreSQL wire protocol,
// so a long query never stalls the HTTP event loop. Plain JS: a worker cannot rely on the TS loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, host, port, maxConnections } = workerData;

async function start() {
  const db = await PGlite.create({ dataDir: dataDir ?? undefined });
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  await server.start();
  const address = server.getServerConn();
  const boundPort = Number(address.slice(address.lastIndexOf(':') + 1));
  parentPort?.postMessage({ type: 'ready', host, port: boundPort });
  parentPort?.on('message', async (message) => {
    if (message?.type !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort?.postMessage({ type: 'stopped' });
  });
}

start().catch((error) => {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
});
