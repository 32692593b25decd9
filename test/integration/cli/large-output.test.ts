/**
 * A script reads `--json` through a pipe: the whole document must arrive, whatever its size. Node writes
 * to a pipe asynchronously, so an entry point that exits as soon as the command returns cuts the output
 * at the pipe buffer (64 KiB on Linux).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../electron/core/outbox/index';
import { openDatabase } from '../../../electron/core/db/database';
import type { ReportDetail, ReportPage } from '../../../shared/api/views';
import { runAgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';
import { completeQuality } from '../../unit/outbox/support/quality';

/** One report with `streams` media quality entries (~1 KB each once pretty-printed) and `others` small ones. */
function seedLargeOutbox(dataDir: string, streams: number, others: number): string {
  const db = openDatabase(dataDir);
  try {
    const outbox = createOutbox(db);
    const quality = completeQuality('many streams');
    const mediaQualityList = Array.from({ length: streams }, (_, index) => ({ ...quality.mediaQualityList[index % quality.mediaQualityList.length]!, channelIndex: index }));
    const { id } = outbox.enqueue({ body: { ...quality, mediaQualityList }, source: 'operator', roomId: 'room-a' });
    for (let index = 0; index < others; index += 1) outbox.enqueue({ body: completeQuality(`report ${index}`), source: 'ingest', roomId: `room-${index % 7}` });
    return id;
  } finally {
    db.close();
  }
}

describe('--json output through a pipe (child process)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('vtc-cli-large-');
  });
  afterEach(() => temp.cleanup());

  it('delivers a 5 MB report and a 400-report page whole, as one parseable document each', async () => {
    const bigId = seedLargeOutbox(temp.dir, 5_000, 400);

    const show = await runAgentProcess(['reports', 'show', bigId, '--data-dir', temp.dir, '--json']);
    expect(show.code).toBe(0);
    expect(show.stdout.length).toBeGreaterThan(5_000_000);
    const detail = JSON.parse(show.stdout) as ReportDetail;
    expect(detail.id).toBe(bigId);
    expect((detail.body as { mediaQualityList: unknown[] }).mediaQualityList).toHaveLength(5_000);

    const list = await runAgentProcess(['reports', 'list', '--limit', '1000', '--data-dir', temp.dir, '--json']);
    expect(list.code).toBe(0);
    expect(list.stdout.length).toBeGreaterThan(131_072);
    const page = JSON.parse(list.stdout) as ReportPage;
    expect(page.items).toHaveLength(401);
  }, 60_000);
});
