/**
 * The tray and desktop notifications of the BUILT main bundle (out/main/index.js) follow the room alert rule
 * the window's overlay follows: the real core behind it, rooms from an IT fleet file, live samples posted to
 * its ingest API as a gateway would. A room that turns poor makes the tray poor and names the room, leg and
 * reason (even though Graph is not set up, which the tray used to show instead) and shows one notification;
 * the alert updates in place as the leg worsens; when the room recovers the tray leaves poor and the poor
 * notification goes, a "recovered" one only outside the cooldown. `electron` is a recording stand-in (the
 * binary cannot run here).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recorded, type ElectronRecorder } from '../../support/electron-stub';
import { freePort } from '../../support/prometheus';
import { makeTempDir } from '../../support/temp-dir';

const recorder = vi.hoisted(() => ({ current: undefined as ElectronRecorder | undefined }));
vi.mock('electron', async () => {
  const stub = await import('../../support/electron-stub');
  recorder.current = stub.newElectronRecorder(false);
  return stub.electronStub(recorder.current);
});

const bundle = join(process.cwd(), 'out/main/index.js');
const temp = makeTempDir('vtc-electron-tray-');
const APP_FRAME = { senderFrame: { url: 'app://renderer/index.html' } };
let ingestUrl = '';
let token = '';

const rec = (): ElectronRecorder => recorder.current!;
const icon = (): string => rec().tray.images.at(-1) ?? '';
const tooltip = (): string => rec().tray.tooltips.at(-1) ?? '';
/** B30's notifications, oldest first, as they stand now. */
const b30Notifications = () => rec().notifications.filter((notification) => notification.title.startsWith('B30')).map(({ title, shown, closed }) => ({ title, shown, closed }));
const POOR = 'B30: audio inbound quality is poor';
const menuLabels = (): string[] => ((rec().tray.menus.at(-1) ?? []) as { label?: string }[]).flatMap((item) => (item.label === undefined ? [] : [item.label]));

/** Four samples of B30's audio inbound leg, a second apart and ending now: more than the 3 that confirm a state. */
async function postLoss(lossPercent: number): Promise<void> {
  const now = Date.now();
  const samples = [3, 2, 1, 0].map((secondsAgo) => ({
    roomId: 'b30',
    deviceId: 'gateway-codec',
    callId: 'call-1',
    modality: 'audio',
    direction: 'inbound',
    channelIndex: 1,
    at: new Date(now - secondsAgo * 1_000).toISOString(),
    lossPercent,
  }));
  const response = await fetch(`${ingestUrl}/api/v1/samples`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(samples),
  });
  expect(response.status).toBe(202);
}

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build` (npm test does) before this test');
  const port = await freePort();
  ingestUrl = `http://127.0.0.1:${port}`;
  const fleetFile = join(temp.dir, 'fleet.json');
  writeFileSync(fleetFile, JSON.stringify({ rooms: [{ id: 'b30', name: 'B30' }, { id: 'lab', name: 'Lab' }], ingest: { host: '127.0.0.1', port } }));
  process.env['VTC_FLEET_CONFIG'] = fleetFile;
  await import('electron'); // runs the mock factory, which makes the recorder
  rec().userData = join(temp.dir, 'user-data');
  rec().notificationsSupported = true;
  await import(/* @vite-ignore */ bundle);
  await rec().windowReady;
  const created = (await rec().ipcHandlers.get('createIngestToken')!(APP_FRAME, { name: 'gateway' })) as { ok: boolean; value: { token: string } };
  expect(created.ok).toBe(true);
  token = created.value.token;
});

afterAll(() => {
  for (const listener of rec().appListeners.get('before-quit') ?? []) listener({ preventDefault: () => undefined });
  temp.cleanup();
});

describe('tray of the built main bundle, from live samples', () => {
  it('starts in "setup needed" (no Graph credentials yet) with both rooms idle', async () => {
    await recorded(rec(), () => icon().endsWith('tray-setup.png') && menuLabels().includes('Lab — idle'));
    expect(menuLabels()).toContain('B30 — idle');
  });

  it('turns poor when a room turns poor, naming the room, leg and reason as the window\'s alert does', async () => {
    await postLoss(30);
    await recorded(rec(), () => icon().endsWith('tray-poor.png'));
    expect(tooltip()).toMatch(/^VTC Quality Monitor — B30 poor: audio inbound, Packet loss 30 % \(limit 10 %\) — /);
    // Graph still needs setting up: the tooltip says so after the room, and the backlog last.
    expect(tooltip()).toMatch(/ — setup needed: .*— 0 reports waiting$/);
    expect(tooltip().length).toBeLessThanOrEqual(127);
    expect(menuLabels()).toContain('B30 poor: audio inbound, Packet loss 30 % (limit 10 %)');
    expect(menuLabels()).toContain('Lab — idle');
    await recorded(rec(), () => b30Notifications().length > 0);
    expect(b30Notifications()).toEqual([{ title: POOR, shown: true, closed: false }]);
    expect(rec().notifications.find((notification) => notification.title === POOR)?.body).toBe('Packet loss 30 % (limit 10 %).');
  });

  it('updates the one alert in place as the leg worsens', async () => {
    await postLoss(45);
    await recorded(rec(), () => tooltip().includes('B30 poor: audio inbound, Packet loss 45 % (limit 10 %)'));
    expect(menuLabels().filter((label) => label.startsWith('B30'))).toEqual(['B30 poor: audio inbound, Packet loss 45 % (limit 10 %)']);
    expect(icon()).toMatch(/tray-poor\.png$/);
    expect(b30Notifications()).toEqual([{ title: POOR, shown: true, closed: false }]); // no second one in the episode
  });

  it('leaves poor when the room recovers, back to what else needs attention', async () => {
    await postLoss(0);
    await recorded(rec(), () => icon().endsWith('tray-setup.png'));
    expect(tooltip()).not.toContain('B30');
    expect(menuLabels()).toContain('B30 — good');
    await recorded(rec(), () => b30Notifications().length === 2 && b30Notifications()[0]!.closed);
    expect(b30Notifications()).toEqual([
      { title: POOR, shown: true, closed: true },
      { title: 'B30 recovered', shown: true, closed: false },
    ]);
  });

  it('within the cooldown, a second episode notifies its start, and its end only takes the poor notification down', async () => {
    await postLoss(30); // the room recovered since its last alert: a new episode is notified
    await recorded(rec(), () => b30Notifications().length === 3);
    expect(b30Notifications().slice(1)).toEqual([
      { title: 'B30 recovered', shown: true, closed: true }, // one notification per room: the newer replaces it
      { title: POOR, shown: true, closed: false },
    ]);
    // Back to good at once, maybe before the next push (2 a second) shows the tray the room poor at all.
    await postLoss(0);
    await recorded(rec(), () => b30Notifications()[2]!.closed);
    expect(icon()).toMatch(/tray-setup\.png$/);
    // The cooldown applies to recoveries too: no second "recovered".
    expect(b30Notifications().map((notification) => notification.title)).toEqual([POOR, 'B30 recovered', POOR]);
  });
});
