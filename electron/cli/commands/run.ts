/**
 * `run [--data-dir D] [--config F] [--web] [--port P]`: the core without Electron. Stops cleanly on
 * SIGINT/SIGTERM: stops taking work, drains in-flight sends within a bound, closes the database.
 */
import { parseCommandArgs, parsePort } from '../args';
import { buildContext } from '../context';
import type { Command } from './index';
import { startCore } from '../../core/app/core';
import { APP_VERSION } from '../../core/app/version';

export const runCommand: Command = {
  summary: 'run the core: ingest API, device collectors, leg tracking, outbox, sync (--web also serves the UI)',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { web: { type: 'boolean', default: false }, port: { type: 'string' } });
    parsePort(values.port, 5180);
    const context = buildContext(values, io, { remember: true });
    const core = await startCore({ dataDir: context.dataDir, config: context.config, log: context.log, transport: 'web', version: APP_VERSION });
    io.out(`data-dir: ${context.dataDir}`);
    const signal = await io.shutdown;
    context.log.info('stopping', { signal });
    await core.stop({ timeoutMs: 10_000 });
    return 0;
  },
};
