/**
 * The agent's configuration file for a tenant the emulator plays (as the demo's is): its tenant and demo
 * app, both endpoints at the emulator, and the client secret from the environment (`SECRET_ENV`), so it
 * is never written in the file.
 */
import { writeFileSync } from 'node:fs';
import type { EmulatorHandle } from '../../electron/sim/emulator/index';

export const SECRET_ENV = 'VTC_TEST_SECRET';

export function writeEmulatorConfig(file: string, emulator: Pick<EmulatorHandle, 'url' | 'tenantId' | 'clientId'>, extra: Record<string, unknown> = {}): void {
  writeFileSync(
    file,
    JSON.stringify({
      cloud: 'global',
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      credential: { type: 'secret', secret: { env: SECRET_ENV } },
      endpoints: { graph: emulator.url, login: emulator.url },
      ...extra,
    }),
  );
}
