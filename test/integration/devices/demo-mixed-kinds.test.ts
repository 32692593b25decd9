/**
 * `demo --rooms 4` as an operator runs it (the agent as a child process): three Cisco rooms and one Poly
 * room, every device online with its product, and the Poly room's calls reaching the Graph emulator with
 * the Teams ids the demo's gateway posted. `status --json` is the shell's view of the same agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentProcess, type AgentProcess } from '../../support/agent-process';
import { makeTempDir } from '../../support/temp-dir';
import { runAgent } from '../cli/run-agent';

interface StatusDevice {
  roomId: string;
  kind: string;
  product: string | null;
  state: string;
}

let agent: AgentProcess;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir('vtc-demo-kinds-');
  agent = await startAgentProcess(['demo', '--data-dir', temp.dir, '--rooms', '4', '--tick-ms', '150', '--port', '0'], ['data-dir', 'emulator']);
}, 60_000);

afterAll(async () => {
  await agent?.stop();
  temp?.cleanup();
});

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms\n${agent.stderr().slice(-1_500)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('demo --rooms 4', () => {
  it('mixes 3 Cisco rooms and 1 Poly room, all online with their products', async () => {
    const dataDir = agent.lines.get('data-dir')!;
    const devices = await waitFor(async () => {
      const status = await runAgent(['status', '--data-dir', dataDir, '--json']);
      const list = status.json<{ devices: StatusDevice[] }>().devices;
      return list.length === 4 && list.every((device) => device.state === 'online' && device.product !== null) ? list : undefined;
    });
    expect(devices.filter((device) => device.kind === 'cisco-xapi')).toHaveLength(3);
    expect(devices.filter((device) => device.kind === 'poly-videoos')).toEqual([expect.objectContaining({ roomId: 'room-4', product: 'Poly StudioX50' })]);
  }, 60_000);

  it("delivers the Poly room's calls to Graph with the gateway's Teams ids", async () => {
    const dataDir = agent.lines.get('data-dir')!;
    const sent = await waitFor(async () => {
      const list = await runAgent(['reports', 'list', '--data-dir', dataDir, '--room', 'room-4', '--state', 'sent', '--json']);
      const items = list.json<{ items: Array<{ callChainId?: string; deviceId?: string }> }>().items;
      return items.length > 0 ? items : undefined;
    }, 60_000);
    expect(sent[0]).toMatchObject({ deviceId: 'codec-4', callChainId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  }, 70_000);
});
