// Fleet monitoring in the browser, the way an operator meets it: `run --web --config` as a child process
// whose configuration file sets `telemetry` (so it is locked in the UI) with a collector that refuses the
// API key. In Debian Chromium, Settings shows the section read-only with the header's name but not its value,
// Test export shows the collector's answer, and the status bar says the export is failing. Saves
// test/artifacts/telemetry-settings.png.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentProcess, type AgentProcess } from '../support/agent-process';
import { chromiumAvailable, collectConsoleProblems, launchChromium, type ChromiumSession } from '../support/chromium';
import { startOtlpReceiver, type OtlpReceiver } from '../support/otlp-receiver';
import { makeTempDir } from '../support/temp-dir';

const RENDERER_DIR = resolve('out/renderer');
const ARTIFACTS_DIR = resolve('test/artifacts');
const API_KEY = 'fleet-api-key-77e1c0';
const missing = !existsSync(join(RENDERER_DIR, 'index.html'))
  ? 'out/renderer/index.html is missing (run `npx electron-vite build` first)'
  : !chromiumAvailable()
    ? 'Chromium is not installed (apt-get install chromium)'
    : undefined;

if (missing !== undefined && process.env.CI === undefined) console.warn(`telemetry settings e2e skipped: ${missing}`);

describe.runIf(missing !== undefined && process.env.CI !== undefined)('telemetry settings e2e prerequisites (CI)', () => {
  it('has the built renderer and Chromium', () => {
    throw new Error(`telemetry settings e2e cannot run in CI: ${missing}`);
  });
});

describe.skipIf(missing !== undefined)('fleet monitoring in Chromium', () => {
  let receiver: OtlpReceiver;
  let agent: AgentProcess;
  let browser: ChromiumSession;
  const temp = makeTempDir('vtc-telemetry-e2e-');

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    receiver.fail(401);
    const configFile = join(temp.dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ telemetry: { otlp: { endpoint: receiver.url, headers: { 'x-api-key': { env: 'VTC_OTLP_KEY' } }, intervalSeconds: 1 } } }));
    agent = await startAgentProcess(['run', '--web', '--port', '0', '--ingest-port', '0', '--data-dir', join(temp.dir, 'data'), '--config', configFile], ['data-dir', 'ingest', 'web'], {
      env: { VTC_OTLP_KEY: API_KEY },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await receiver?.close();
    temp.cleanup();
  });

  it('shows the locked section, the collector’s answer to Test export and the failing export in the status bar', async () => {
    const page = await browser.context.newPage();
    const consoleProblems = collectConsoleProblems(page);
    await page.goto(agent.lines.get('web')!);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: false }).click();
    const section = page.getByRole('region', { name: 'Fleet monitoring (OpenTelemetry)' });
    await section.waitFor({ state: 'visible' });

    const endpoint = section.getByLabel('Collector endpoint');
    expect(await endpoint.inputValue()).toBe(receiver.url);
    expect(await endpoint.getAttribute('readonly')).not.toBeNull();
    await section.getByText('Headers from the configuration file: x-api-key').waitFor({ state: 'visible' });
    expect(await page.content()).not.toContain(API_KEY);

    await section.getByRole('button', { name: 'Test export' }).click();
    const answer = section.getByRole('status').filter({ hasText: 'Not sent to' });
    await answer.waitFor({ state: 'visible' });
    expect(await answer.textContent()).toBe(`Not sent to ${receiver.url}/v1/metrics: the collector answered HTTP 401: {"code":14,"message":"collector unavailable"}`);
    // The test export carried the file's key to the file's endpoint.
    expect(receiver.received.at(-1)?.headers['x-api-key']).toBe(API_KEY);

    const footer = page.getByRole('contentinfo');
    await footer.getByText(/^Metrics export failing: the collector answered HTTP 401/).waitFor({ state: 'visible' });
    expect(consoleProblems).toEqual([]);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'telemetry-settings.png') });
  });
});
