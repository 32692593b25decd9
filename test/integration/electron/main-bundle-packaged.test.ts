/**
 * The BUILT main bundle as a packaged app (app.isPackaged true) started with ELECTRON_RENDERER_URL set by
 * someone else: it must still load app:// and refuse IPC from the localhost page that variable names.
 * Also: every app:// file carries the renderer CSP as a header (frame-ancestors included, no ws: source).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../electron/core/web/csp';
import type { ElectronRecorder } from '../../support/electron-stub';
import { makeTempDir } from '../../support/temp-dir';

const recorder = vi.hoisted(() => ({ current: undefined as ElectronRecorder | undefined }));
vi.mock('electron', async () => {
  const stub = await import('../../support/electron-stub');
  recorder.current = stub.newElectronRecorder(true);
  return stub.electronStub(recorder.current);
});

const bundle = join(process.cwd(), 'out/main/index.js');
const temp = makeTempDir('vtc-electron-packaged-');
const HOSTILE_PAGE = 'http://localhost:5173/';

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build` (npm test does) before this test');
  process.env['VTC_FLEET_CONFIG'] = join(temp.dir, 'no-fleet.json');
  process.env['ELECTRON_RENDERER_URL'] = HOSTILE_PAGE;
  // A packaged app finds its resources (tray icons) here.
  Object.assign(process, { resourcesPath: join(process.cwd(), 'resources') });
  await import('electron'); // runs the mock factory, which makes the recorder
  recorder.current!.userData = temp.dir;
  await import(/* @vite-ignore */ bundle);
  await recorder.current!.windowReady;
});

afterAll(() => {
  for (const listener of recorder.current?.appListeners.get('before-quit') ?? []) listener({ preventDefault: () => undefined });
  delete process.env['ELECTRON_RENDERER_URL'];
  temp.cleanup();
});

describe('built main bundle, packaged, with ELECTRON_RENDERER_URL set', () => {
  it('loads app:// and not the page the variable names', () => {
    expect(recorder.current!.windows[0]!.loadedUrl).toBe('app://renderer/index.html');
  });

  it('refuses IPC from that localhost page; answers the app:// origin', async () => {
    const handler = recorder.current!.ipcHandlers.get('getAppInfo')!;
    expect(await handler({ senderFrame: { url: HOSTILE_PAGE } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: { url: 'app://renderer:80/index.html' } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: { url: 'app://renderer/index.html' } }, undefined)).toMatchObject({ ok: true });
  });

  it('serves app:// files with the CSP header (frame-ancestors, no ws: source)', async () => {
    const handle = recorder.current!.protocolHandlers.get('app')!;
    const page = (await handle({ url: 'app://renderer/index.html' })) as Response;
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).not.toContain('ws:');
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toMatch(/^fetched file:.*out\/renderer\/index\.html$/);
  });
});
