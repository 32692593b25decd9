/**
 * `demo [--data-dir D] [--rooms N] [--seed S] [--port P] [--tick-ms T]`: `run --web` against the built-in
 * emulator with N simulated Cisco rooms (default 4), plus a stand-in for the CVI gateway that posts each
 * call's Teams ids to the ingest API. Its data directory defaults to a `demo` folder beside the real one, so
 * the demo never mixes its reports with an installation's.
 */
import { join } from 'node:path';
import { parseCommandArgs, parsePort, parseWholeNumber } from '../args';
import { buildContext } from '../context';
import { defaultDataDir } from '../data-dir';
import { startAgent } from '../agent';
import type { Command } from './index';

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
    const rooms = parseWholeNumber('rooms', values.rooms, 4, 1);
    const seed = parseWholeNumber('seed', values.seed, 1);
    const webPort = parsePort(values.port, 5180);
    const tickMs = parseWholeNumber('tick-ms', values['tick-ms'], 1_000, 50);
    const context = buildContext({ ...values, 'data-dir': values['data-dir'] ?? io.env['VTC_DATA_DIR'] ?? join(defaultDataDir(), 'demo') }, io);
    // Loaded here, not at the top: the simulator needs a dev dependency the installed agent does not ship.
    const { startDemoWorld, startDemoGateway } = await import('../../core/demo');
    const world = await startDemoWorld({ rooms, seed, tickMs, emulatorPort: parsePort(values['emulator-port'], 0) });
    let agent: Awaited<ReturnType<typeof startAgent>> | undefined;
    try {
      agent = await startAgent({ context, web: { port: webPort }, demo: true, managed: world.managed, ingestPort: parsePort(values['ingest-port'], 0) }, io);
    } catch (error) {
      await world.close();
      throw error;
    }
    const token = agent.core.parts.tokens.create(`demo-gateway-${Date.now().toString(36)}`).token;
    const gateway = startDemoGateway({ rooms: world.rooms, ingestUrl: agent.core.ingestUrl!, token, log: context.log });
    io.out(`emulator: ${world.emulator.url}`);
    io.out(`tenant-id: ${world.emulator.tenantId}`);
    io.out(`client-id: ${world.emulator.clientId}`);
    io.out(`client-secret: ${world.emulator.clientSecret}`);
    io.out(`ingest-token: ${token}`);
    io.out(`rooms: ${world.rooms.map((room) => room.config.name).join(', ')}`);
    io.err('DEMO: simulated rooms and the built-in Graph emulator; no tenant is used. Open the web: URL above. Ctrl+C stops.');
    const signal = await io.shutdown;
    context.log.info('stopping demo', { signal });
    gateway.stop();
    await agent.stop();
    await world.close();
    return 0;
  },
};
