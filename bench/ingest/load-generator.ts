/**
 * The HTTP senders of the ingest benchmark, in a worker thread: in the server's own thread the client's
 * JSON and socket work would be charged to the server (roughly halving the measured rate), while real
 * senders are other processes. The worker is plain CommonJS evaluated from a string, so it needs no
 * TypeScript loader.
 */
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  port: number;
  token: string;
  /** Request bodies, posted round-robin. */
  texts: string[];
  samplesPerRequest: number;
  connections: number;
  durationMs: number;
  warmUpMs: number;
}

export interface LoadResult {
  acceptedSamples: number;
  requests: number;
  elapsedMs: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData: o } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
const post = (text) => new Promise((resolve, reject) => {
  const req = request({ host: '127.0.0.1', port: o.port, method: 'POST', path: '/api/v1/samples', agent,
    headers: { authorization: 'Bearer ' + o.token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject);
  req.end(text);
});
(async () => {
  const drive = async (durationMs) => {
    let requests = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    await Promise.all(Array.from({ length: o.connections }, async (_, w) => {
      for (let i = w; performance.now() < deadline; i += o.connections) {
        const status = await post(o.texts[i % o.texts.length]);
        if (status !== 202) throw new Error('sample post answered ' + status);
        requests++;
      }
    }));
    return { requests, elapsedMs: performance.now() - started };
  };
  await drive(o.warmUpMs); // JIT and connection set-up, not measured
  const { requests, elapsedMs } = await drive(o.durationMs);
  agent.destroy();
  parentPort.postMessage({ acceptedSamples: requests * o.samplesPerRequest, requests, elapsedMs });
})().catch((error) => { throw error; });
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
  });
}
