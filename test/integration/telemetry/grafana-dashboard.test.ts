/**
 * resources/grafana/vtc-quality.json is importable as is and queries only what the agent serves: every
 * metric name in its PromQL is one a running core's Prometheus endpoint serves (scraped, with a live leg and
 * a configured device), and every query is valid PromQL to Debian's real Prometheus.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/app/core';
import { createLogger } from '../../../electron/core/log/logger';
import { appConfigSchema } from '../../../shared/config/schema';
import { freePort, startPrometheus } from '../../support/prometheus';
import { makeTempDir } from '../../support/temp-dir';

const DASHBOARD_PATH = fileURLToPath(new URL('../../../resources/grafana/vtc-quality.json', import.meta.url));

interface Target {
  expr: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query: unknown; definition?: string }> };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8')) as Dashboard;
const exprs = [
  ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
  ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
];

const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'or', 'and', 'unless', 'bool', 'offset']);

/** Metric names of a PromQL expression: identifiers outside label matchers and grouping clauses, not functions. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/label_values\(([a-zA-Z_:][a-zA-Z0-9_:]*),[^)]*\)/g, ' $1 ');
  const names: string[] = [];
  for (const match of bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)) {
    if (match[2] !== undefined || PROMQL_WORDS.has(match[1]!)) continue;
    names.push(match[1]!);
  }
  return names;
}

let core: Core;
let served: Set<string>;
const temp = makeTempDir('vtc-grafana-');

beforeAll(async () => {
  const port = await freePort();
  const config = appConfigSchema.parse({
    rooms: [{ id: 'r1', name: 'Boardroom', devices: [{ id: 'codec-1', kind: 'cisco-xapi', url: 'https://127.0.0.1:9', username: 'u', password: 'p', pollSeconds: 300 }] }],
    telemetry: { prometheus: { port } },
  });
  core = await startCore({ log: createLogger({ sink: () => undefined }), transport: 'web', version: '0.0.0-test', dataDir: temp.dir, ingest: { enabled: false }, managed: { config, managedKeys: ['rooms', 'telemetry'] } });
  const at = new Date().toISOString();
  const leg = { roomId: 'r1', deviceId: 'codec-1', callId: '1', channelIndex: 1, at, lossPercent: 1, jitterMs: 10, roundTripMs: 120, bitRate: 64_000 } as const;
  core.parts.tracker.ingestSamples([
    { ...leg, modality: 'audio', direction: 'inbound' },
    { ...leg, modality: 'video', direction: 'inbound', frameRate: 30 },
  ]);
  const text = await (await fetch(core.metricsUrl!)).text();
  served = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!));
});

afterAll(async () => {
  await core?.stop({ timeoutMs: 2_000 });
  temp.cleanup();
});

describe('the Grafana dashboard', () => {
  it('is importable: a Prometheus datasource variable used by every panel and query, unique panel ids, laid out', () => {
    expect(dashboard).toMatchObject({ uid: 'vtc-quality', title: 'VTC room quality' });
    expect(typeof dashboard.schemaVersion).toBe('number');
    expect(dashboard.templating.list.find((variable) => variable.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos, panel.title).toBeDefined();
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
    const titles = dashboard.panels.map((panel) => panel.title);
    expect(titles).toEqual(expect.arrayContaining(['Rooms by worst leg', 'Packet loss per leg', 'Jitter per leg', 'Round trip per leg', 'Outbox backlog by state', 'Delivery errors']));
  });

  it('uses only metric names the agent’s Prometheus endpoint serves', () => {
    const used = new Set(exprs.flatMap(metricNames));
    expect(used.size).toBeGreaterThanOrEqual(6);
    expect([...used].filter((name) => !served.has(name))).toEqual([]);
  });

  it('has only queries real Prometheus accepts', async () => {
    const metricsUrl = new URL(core.metricsUrl!);
    const prometheus = await startPrometheus({ targets: [metricsUrl.host], metricsPath: metricsUrl.pathname });
    try {
      for (const expr of exprs) {
        const promql = expr.replaceAll('$room', '.*').replace(/^label_values\(([^,]+),.*\)$/, '$1');
        await expect(prometheus.query(promql), promql).resolves.toBeDefined();
      }
    } finally {
      await prometheus.stop();
    }
  });
});
