/**
 * `run [--data-dir D] [--config F] [--web] [--port P] [--ingest-port P]`: the core without Electron. Stops
 * cleanly on SIGINT/SIGTERM: stops taking work, drains in-flight sends within a bound, closes the database.
 */
import { parseCommandArgs, parsePort } from '../args';
import { buildContext } from '../context';
import { startAgent } from '../agent';
import type { Command } from './index';

export const runCommand: Command = {
  summary: 'run the core: ingest API, device collectors, leg tracking, outbox, sync (--web also serves the UI)',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { web: { type: 'boolean', default: false }, port: { type: 'string' }, 'ingest-port': { type: 'string' } });
    const webPort = parsePort(values.port, 5180);
    const ingestPort = values['ingest-port'] === undefined ? undefined : parsePort(values['ingest-port'], 8790);
    const context = buildContext(values, io, { remember: true });
    const agent = await startAgent({ context, web: values.web ? { port: webPort } : undefined, ingestPort }, io);
    const signal = await io.shutdown;
    context.log.info('stopping', { signal });
    await agent.stop();
    return 0;
  },
};
