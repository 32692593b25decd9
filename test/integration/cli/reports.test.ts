/**
 * `reports list|show|resubmit|discard` on a data directory seeded through the real outbox: what the
 * operator reads and what each action changes (and, for refused input, that it changes nothing).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { databasePath, openDatabase } from '../../../electron/core/db/database';
import type { ReportDetail, ReportPage, SyncStatusView } from '../../../shared/api/views';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from './run-agent';
import { GRAPH_FAILURE, seedOutbox, type SeededOutbox } from './seed';

describe('reports', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let seeded: SeededOutbox;
  beforeEach(() => {
    temp = makeTempDir('vtc-cli-reports-');
    seeded = seedOutbox(temp.dir);
  });
  afterEach(() => temp.cleanup());

  const agent = (...args: string[]) => runAgent([...args, '--data-dir', temp.dir]);
  const counts = async () => (await agent('status', '--json')).json<SyncStatusView>().counts;
  const detail = async (id: string) => (await agent('reports', 'show', id, '--json')).json<ReportDetail>();

  describe('list', () => {
    it('prints an aligned table of every report, newest first, with the failed ones\' Graph error', async () => {
      const result = await agent('reports', 'list');
      expect(result.code).toBe(0);
      const [header, ...rows] = result.out;
      expect(header).toMatch(/^ID\s+STATE\s+SOURCE\s+ROOM\s+CREATED\s+ATTEMPTS\s+LAST ERROR$/);
      expect(rows).toHaveLength(7);
      // Aligned: every row's STATE column starts where the header's does.
      const stateColumn = header!.indexOf('STATE');
      for (const row of rows) expect(row.slice(stateColumn)).toMatch(/^(needs_context|pending|sent|failed)/);
      expect(rows[0]).toContain(seeded.needsContext[0]);
      const failedRow = rows.find((row) => row.startsWith(seeded.failed[0]!));
      expect(failedRow).toMatch(/failed \(permanent\)\s+ingest\s+room-a\s+\S+\s+1\s+400 BadRequest$/);
    });

    it('filters by --state and --room; --json prints the UI\'s ReportPage', async () => {
      const failed = (await agent('reports', 'list', '--state', 'failed', '--json')).json<ReportPage>();
      expect(failed.items.map((r) => r.id).sort()).toEqual([...seeded.failed].sort());
      expect(failed.items[0]).toMatchObject({ state: 'failed', failedReason: 'permanent', lastError: { code: 'BadRequest', requestId: GRAPH_FAILURE.requestId } });
      const roomB = (await agent('reports', 'list', '--room', 'room-b', '--state', 'pending', '--json')).json<ReportPage>();
      expect(roomB.items).toHaveLength(2);
      expect(roomB.items.every((r) => r.roomId === 'room-b' && r.state === 'pending')).toBe(true);
    });

    it('pages with --limit and the printed --cursor', async () => {
      const first = await agent('reports', 'list', '--limit', '4');
      expect(first.out).toHaveLength(1 + 4 + 1);
      const cursor = /^more: repeat with --cursor (\S+)$/.exec(first.out.at(-1)!)?.[1];
      expect(cursor).toBeDefined();
      const rest = (await agent('reports', 'list', '--limit', '4', '--cursor', cursor!, '--json')).json<ReportPage>();
      expect(rest.items).toHaveLength(3);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('refuses an unknown state with exit status 2, naming the allowed states', async () => {
      const result = await agent('reports', 'list', '--state', 'stuck');
      expect(result.code).toBe(2);
      expect(result.stderr()).toContain('--state must be one of needs_context, pending, in_flight, sent, failed, discarded; got "stuck"');
      expect(result.out).toEqual([]);
      expect((await agent('reports', 'list', '--limit', '0')).code).toBe(2);
      expect((await agent('reports', 'list', '--cursor', 'garbage')).code).toBe(2);
    });
  });

  describe('show', () => {
    it('shows a failed report\'s body and every attempt with Graph\'s error, request-id and client-request-id', async () => {
      const id = seeded.failed[1]!;
      const clientRequestId = seeded.clientRequestIds[id]!;
      const result = await agent('reports', 'show', id);
      expect(result.code).toBe(0);
      const text = result.stdout();
      expect(text).toMatch(/^state:\s+failed \(permanent\)$/m);
      expect(text).toContain(`400 BadRequest: ${GRAPH_FAILURE.message} (request-id ${GRAPH_FAILURE.requestId}, client-request-id ${clientRequestId})`);
      const attemptRow = result.out.find((line) => /^1\s+\S+\s+failed\s+400/.test(line));
      expect(attemptRow).toBeDefined();
      for (const part of ['42ms', 'BadRequest', GRAPH_FAILURE.requestId!, clientRequestId, GRAPH_FAILURE.message]) expect(attemptRow).toContain(part);
      expect(text).toContain('"deviceDescription": "failed room-b"');
    });

    it('--json prints the UI\'s ReportDetail', async () => {
      const id = seeded.failed[0]!;
      const report = await detail(id);
      expect(report).toMatchObject({ id, state: 'failed', source: 'ingest', roomId: 'room-a', attemptCount: 1 });
      expect(report.attempts).toEqual([
        expect.objectContaining({ attemptNo: 1, outcome: 'failed', httpStatus: 400, errorCode: 'BadRequest', errorMessage: GRAPH_FAILURE.message, requestId: GRAPH_FAILURE.requestId, clientRequestId: seeded.clientRequestIds[id] }),
      ]);
      expect(report.body).toMatchObject({ '@odata.type': '#microsoft.graph.teleconferenceDeviceQuality', deviceDescription: 'failed room-a' });
    });

    it('an unknown id exits 1 with the reason; a missing id is bad usage', async () => {
      const unknown = await agent('reports', 'show', 'no-such-id');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr()).toContain('report no-such-id was not found');
      expect((await agent('reports', 'show')).code).toBe(2);
    });
  });

  describe('resubmit', () => {
    it('moves the named failed report to pending, records the action as the cli, leaves the other failed one', async () => {
      const [id, other] = seeded.failed as [string, string];
      const result = await agent('reports', 'resubmit', id);
      expect(result.code).toBe(0);
      expect(result.out).toEqual([expect.stringMatching(/^resubmitted 1 report/), `  ${id}`]);
      expect(await counts()).toMatchObject({ failed: 1, pending: 4 });
      expect(await detail(id)).toMatchObject({ state: 'pending', attemptCount: 0 });
      expect((await detail(other)).state).toBe('failed');
      const db = openDatabase(temp.dir);
      try {
        expect(db.prepare('SELECT action, report_ids_json, actor FROM operator_actions').all()).toEqual([{ action: 'resubmit', report_ids_json: JSON.stringify([id]), actor: 'cli' }]);
      } finally {
        db.close();
      }
    });

    it('--all-failed resubmits every failed report', async () => {
      const result = await agent('reports', 'resubmit', '--all-failed', '--json');
      expect(result.code).toBe(0);
      expect(result.json<{ resubmitted: number; changed: string[] }>()).toMatchObject({ resubmitted: 2 });
      expect(await counts()).toMatchObject({ failed: 0, pending: 5 });
      expect((await agent('reports', 'resubmit', '--all-failed')).out).toEqual(['no failed reports to resubmit']);
    });

    it('leaves a report that is not failed alone and exits 1 saying why', async () => {
      const result = await agent('reports', 'resubmit', seeded.pending[0]!, seeded.failed[0]!);
      expect(result.code).toBe(1);
      expect(result.stderr()).toBe(`skipped ${seeded.pending[0]}: is pending, not failed`);
      expect(await counts()).toMatchObject({ failed: 1, pending: 4 });
    });

    it('needs ids or --all-failed, not neither nor both', async () => {
      expect((await agent('reports', 'resubmit')).code).toBe(2);
      const both = await agent('reports', 'resubmit', seeded.failed[0]!, '--all-failed');
      expect(both.code).toBe(2);
      expect(await counts()).toMatchObject({ failed: 2 });
    });
  });

  describe('discard', () => {
    it('without --reason exits 2 with a clear message and changes nothing', async () => {
      const before = await counts();
      for (const reason of [[], ['--reason', '  ']]) {
        const result = await agent('reports', 'discard', seeded.failed[0]!, ...reason);
        expect(result.code).toBe(2);
        expect(result.stderr()).toContain('--reason is required');
      }
      expect(await counts()).toEqual(before);
    });

    it('discards with the reason, shown on the report; a sent report is left alone (exit 1)', async () => {
      const result = await agent('reports', 'discard', seeded.failed[0]!, seeded.pending[0]!, '--reason', 'duplicate of a resent call');
      expect(result.code).toBe(0);
      expect(result.out[0]).toBe('discarded 2 reports');
      expect(await counts()).toMatchObject({ failed: 1, pending: 2, discarded: 2 });
      expect(await detail(seeded.failed[0]!)).toMatchObject({ state: 'discarded', discardReason: 'duplicate of a resent call' });
      const sent = await agent('reports', 'discard', seeded.sent[0]!, '--reason', 'x');
      expect(sent.code).toBe(1);
      expect(sent.stderr()).toContain(`skipped ${seeded.sent[0]}: is sent`);
    });
  });

  it('needs a subcommand, and names the choices', async () => {
    const result = await agent('reports');
    expect(result.code).toBe(2);
    expect(result.stderr()).toContain('list, show, resubmit, discard');
  });

  it('on a directory without a database: a clear error, and no database is created', async () => {
    const empty = makeTempDir('vtc-cli-empty-');
    try {
      const result = await runAgent(['reports', 'list', '--data-dir', empty.dir]);
      expect(result.code).toBe(1);
      expect(result.stderr()).toContain(`no database in ${empty.dir}`);
      expect(existsSync(databasePath(empty.dir))).toBe(false);
    } finally {
      empty.cleanup();
    }
  });
});
