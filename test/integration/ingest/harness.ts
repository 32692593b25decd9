/**
 * A real ingest server for tests: a temp data directory, the real database (migrations included), the real
 * outbox, token store and quarantine, and a small real IngestDeps wired the way the lead wires the app
 * (samples are recorded in memory: the leg tracker is not part of these tests). No mocks of SQLite.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import type { CallContext, IngestDeps } from '../../../electron/core/ingest/deps';
import { createQuarantine, type Quarantine } from '../../../electron/core/ingest/quarantine';
import { startIngestServer, type IngestServer, type IngestServerOptions } from '../../../electron/core/ingest/server';
import { createOutbox, type Outbox, type OutboxLimits } from '../../../electron/core/outbox/index';
import { createTokenStore, type TokenStore } from '../../../electron/core/tokens/index';
import type { LiveSample } from '../../../shared/domain/samples';
import { makeTempDir } from '../../support/temp-dir';
import { contextSelector, intakeOutcome } from '../../../electron/core/app/ingest-wiring';

export interface Harness {
  db: Db;
  outbox: Outbox;
  tokens: TokenStore;
  quarantine: Quarantine;
  server: IngestServer;
  /** A valid token of the sender "gateway". */
  token: string;
  samples: LiveSample[];
  contexts: CallContext[];
  /** Sends one request with a correct Host and token unless the caller overrides them. */
  send(options: SendOptions): Promise<Reply>;
  /** Rows of the outbox, for "stored nothing / exactly one" checks. */
  reportCount(): number;
  close(): Promise<void>;
}

export interface SendOptions {
  method?: string;
  path: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
  /** Called the moment the response head arrives, before the body is read. */
  onResponse?: (status: number) => void;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  json: unknown;
  text: string;
}

export async function startHarness(options: { outboxLimits?: Partial<OutboxLimits>; server?: Partial<IngestServerOptions> } = {}): Promise<Harness> {
  const { dir, cleanup } = makeTempDir('vtc-ingest-');
  const db = openDatabase(dir, { synchronous: 'NORMAL' });
  const outbox = createOutbox(db, { limits: options.outboxLimits });
  const tokens = createTokenStore(db);
  const quarantine = createQuarantine(db);
  const { token } = tokens.create('gateway');
  const samples: LiveSample[] = [];
  const contexts: CallContext[] = [];

  const deps: IngestDeps = {
    enqueueReport: ({ quality, roomId, deviceId }) => intakeOutcome(() => outbox.enqueue({ body: quality, source: 'ingest', roomId, deviceId })),
    ingestSamples: (batch) => {
      samples.push(...batch);
      return { ok: true, accepted: batch.length, drops: [] };
    },
    attachCallContext: (context) => {
      contexts.push(context);
      const result = outbox.attachContext(contextSelector(context, Date.now()), { callChainId: context.callChainId, participantId: context.participantId }, 'ingest');
      return { matchedLegs: 0, matchedReports: result.changed.length };
    },
    health: () => ({ status: 'ok', version: '0.1.0-test', outbox: outbox.stats().counts }),
    now: Date.now,
  };
  const server = await startIngestServer({ port: 0, deps, tokens, quarantine, ...options.server });
  const port = server.port;

  const send = (request: SendOptions): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${token}`,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      };
      for (const [key, value] of Object.entries(request.headers ?? {})) {
        if (value === undefined) delete headers[key.toLowerCase()];
        else headers[key.toLowerCase()] = value;
      }
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: request.method ?? 'POST', path: request.path, headers, setHost: false }, (response) => {
        request.onResponse?.(response.statusCode ?? 0);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, json, text });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });

  return {
    db,
    outbox,
    tokens,
    quarantine,
    server,
    token,
    samples,
    contexts,
    send,
    reportCount: () => db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
    close: async () => {
      await server.close();
      db.close();
      cleanup();
    },
  };
}
