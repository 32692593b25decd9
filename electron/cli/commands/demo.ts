/**
 * `demo [--data-dir D] [--rooms N] [--seed S] [--port P] [--tick-ms T]`: `run --web` against the built-in
 * emulator with N simulated Cisco rooms (default 4), plus a stand-in for the CVI gateway that posts each
 * call's Teams ids to the ingest API. Its data directory defaults to a `demo` folder beside the real one, so
 * the demo never mixes its reports with an installation's.
 */
import { join } from 'node:path';
import { UsageError, parseCommandArgs, parsePort, parseWholeNumber } from '../args';
import { buildContext } from '../context';
import { defaultDataDir } from '../data-dir';
import { startAgent } from '../agent';
import type { Command } from './index';
import { DEMO_DEFAULTS } from '../../sim/demo/defaults';

export const demoCommand: Command = {
  summary: 'run --web against the built-in Graph emulator with N simulated Cisco rooms (default 4)',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      rooms: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
      'ingest-port': { type: 'string' },
      'tick-ms': { type: 'string' },
    });
    const demo = {
      rooms: parseWholeNumber('rooms', values.rooms, DEMO_DEFAULTS.rooms, 1),
      seed: parseWholeNumber('seed', values.seed, DEMO_DEFAULTS.seed),
      tickMs: parseWholeNumber('tick-ms', values['tick-ms'], DEMO_DEFAULTS.tickMs, 50),
      emulatorPort: parsePort(values['emulator-port'], DEMO_DEFAULTS.emulatorPort),
    };
    // Bad usage is exit 2 (../shared/design/contracts.md); the world's own range check stays for other callers.
    if (demo.rooms > 64) throw new UsageError(`--rooms must be a whole number from 1 to 64, got ${demo.rooms}`);
    const webPort = parsePort(values.port, 5180);
    const context = buildContext({ ...values, 'data-dir': values['data-dir'] ?? io.env['VTC_DATA_DIR'] ?? join(defaultDataDir(), 'demo') }, io);
    const agent = await startAgent({ context, web: { port: webPort }, demo, ingestPort: parsePort(values['ingest-port'], 0) }, io);
    const info = agent.demo!;
    io.out(`emulator: ${info.emulatorUrl}`);
    io.out(`tenant-id: ${info.tenantId}`);
    io.out(`client-id: ${info.clientId}`);
    io.out(`client-secret: ${info.clientSecret}`);
    io.out(`ingest-token: ${info.ingestToken}`);
    io.out(`rooms: ${info.rooms.join(', ')}`);
    io.err('DEMO: simulated rooms and the built-in Graph emulator; no tenant is used. Open the web: URL above. Ctrl+C stops.');
    const signal = await io.shutdown;
    context.log.info('stopping demo', { signal });
    await agent.stop();
    return 0;
  },
};
