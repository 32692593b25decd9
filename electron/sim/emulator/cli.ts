/**
 * `npm run agent -- emulator [--port P] [--seed S]`: starts the emulator and prints, once ready, the
 * `key: value` lines of ../shared/design/contracts.md ("Command line": `emulator:`, `tenant-id:`, `client-id:`,
 * `client-secret:` — the demo app registration, granted both permissions). The caller keeps the handle
 * and closes it on SIGINT/SIGTERM.
 */
import { startEmulator, type EmulatorHandle } from './index';

export interface EmulatorCommandArgs {
  port: number;
  seed?: number;
  host?: string;
}

export async function runEmulatorCommand(args: EmulatorCommandArgs, out: (line: string) => void): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: args.port, seed: args.seed, host: args.host });
  out(`emulator: ${emulator.url}`);
  out(`tenant-id: ${emulator.tenantId}`);
  out(`client-id: ${emulator.clientId}`);
  out(`client-secret: ${emulator.clientSecret}`);
  return emulator;
}
