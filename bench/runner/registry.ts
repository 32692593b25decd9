/**
 * Every benchmark `npm run bench` knows: how to load its `main()` (imported only when selected, after its
 * environment is set: the benches read their sizes from the environment when their module loads), the
 * smaller sizes of `--quick`, and how its result reads as rows of the summary table.
 */
import type { BenchResult } from '../outbox/support';

export interface SummaryRow {
  name: string;
  /** The measured figure, with its unit. */
  figure: string;
  /** The ratio the bench is judged by, or compared with its alternative. */
  ratio: number;
  /** What the ratio is against: the limit or the alternative measured in the same run. */
  against: string;
  /** Whether the bench's OK/MISSED covers this row; false: a figure for information (shown as `info`). */
  judged: boolean;
  /** A row with a limit of its own: whether the figure is within it (false shows MISSED, whatever the rest). */
  met?: boolean;
}

export interface BenchEntry {
  /** Folder/file under bench/, what `--only` matches. */
  id: string;
  /** Environment for `--quick` (values the user set explicitly win). */
  quickEnv: Record<string, string>;
  load(): Promise<() => Promise<BenchResult>>;
  rows(result: BenchResult): SummaryRow[];
}

const n = (value: number | undefined, digits = 0) => (value === undefined ? 'n/a' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

export const BENCHES: BenchEntry[] = [
  {
    id: 'outbox/enqueue',
    quickEnv: { BENCH_ENQUEUE_BLOCKS: '6' },
    load: async () => (await import('../outbox/enqueue')).main,
    rows: ({ metrics: m }) => [
      { name: 'outbox enqueue (FULL)', figure: `${n(m.fullPerSecond)}/s, p99 ${n(m.fullP99Ms, 2)} ms`, ratio: m.ratioToRaw!, against: '≥ 0.5 × raw better-sqlite3 insert', judged: true },
    ],
  },
  {
    id: 'outbox/claim',
    quickEnv: { BENCH_CLAIM_ROWS: '20000' },
    load: async () => (await import('../outbox/claim')).main,
    rows: ({ metrics: m }) => [
      {
        name: 'outbox claimDue(4) (FULL)',
        figure: `p50 ${n(m['p50Ms.FULL.large'], 3)} ms at ${n(Number(process.env.BENCH_CLAIM_ROWS ?? 1_000_000))} pending`,
        ratio: m.ratioFull!,
        against: '≤ 2 × at 1,000 pending',
        judged: true,
      },
    ],
  },
  {
    id: 'outbox/drain',
    quickEnv: { BENCH_DRAIN_SECONDS: '2' },
    load: async () => (await import('../outbox/drain')).main,
    rows: ({ metrics: m }) => [
      { name: 'outbox drain', figure: `${n(m.perSecond, 1)}/s, ${n(m.duplicates)} duplicates`, ratio: m.ratio!, against: '≥ 0.9 × the route limit', judged: true },
    ],
  },
  {
    id: 'legs/tracker',
    quickEnv: {},
    load: async () => {
      const { main } = await import('../legs/tracker');
      // This bench returns its own figures (no target): wrapped into the common result here, unchanged.
      return async () => {
        const r = main();
        const line = `legs tracker: ${n(r.trackerNsPerSample)} ns/sample vs zod liveSampleSchema.parse ${n(r.baselineNsPerSample)} ns/sample: ratio ${n(r.ratioToBaseline, 2)}`;
        return { name: 'legs-tracker', line, ok: true, metrics: { ...r } };
      };
    },
    rows: ({ metrics: m }) => [
      { name: 'legs tracker per sample', figure: `${n(m.trackerNsPerSample)} ns (${n(m.trackerSamplesPerSecond)}/s)`, ratio: m.ratioToBaseline!, against: 'alt.: zod parse of the same sample', judged: false },
    ],
  },
  {
    id: 'ingest/samples',
    quickEnv: { BENCH_INGEST_MS: '300' },
    load: async () => (await import('../ingest/samples')).main,
    rows: ({ metrics: m }) => [
      { name: 'ingest, 100 samples/request', figure: `${n(m.httpSamplesPerSecond_batch100)} samples/s`, ratio: m.ratio_batch100!, against: 'alt.: tracker called directly', judged: false },
      { name: 'ingest, 1 sample/request', figure: `${n(m.httpSamplesPerSecond_batch1)} samples/s`, ratio: m.ratio_batch1!, against: 'alt.: tracker called directly', judged: false },
    ],
  },
  {
    id: 'ui/rooms-render',
    quickEnv: { BENCH_UI_SECONDS: '4', BENCH_UI_FIRST_STARTS: '1', BENCH_UI_RESTARTS: '1', BENCH_UI_RELOADS: '1' },
    load: async () => (await import('../ui/rooms-render')).main,
    rows: ({ metrics: m }) => [
      { name: 'Rooms view, all rooms changed / 500 ms', figure: `busy ${n(m['all.busyMsPerWindow'], 1)} ms per window`, ratio: m.busyRatio!, against: '< 1 × the 500 ms update window', judged: true },
      { name: 'Rooms view frame time p95', figure: `${n(m.frameP95Ms, 1)} ms in vsync intervals (raw ${n(m['all.frameP95Ms'], 1)} ms)`, ratio: m.frameP95Ratio!, against: '≤ 1 × the 16.7 ms frame (60 Hz)', judged: true, met: m.frameP95Ratio! <= 1 },
      { name: 'Rooms view longest task', figure: `${n(m.longestTaskMs)} ms`, ratio: m.longestTaskRatio!, against: '≤ 1 × 50 ms', judged: true, met: m.longestTaskRatio! <= 1 },
      { name: 'Overview drawn after first data, reload', figure: `${n(m.reloadDrawnMs)} ms`, ratio: m.reloadDrawnRatio!, against: '≤ 1 × 100 ms', judged: true, met: m.reloadDrawnRatio! <= 1 },
      { name: 'Overview drawn after first data, restart', figure: `${n(m.restartDrawnMs)} ms`, ratio: m.restartDrawnRatio!, against: '≤ 1 × 100 ms', judged: true, met: m.restartDrawnRatio! <= 1 },
      { name: 'Overview drawn after first data, first start', figure: `${n(m.firstStartDrawnMs)} ms`, ratio: m.firstStartDrawnRatio!, against: '≤ 1 × 100 ms', judged: true, met: m.firstStartDrawnRatio! <= 1 },
      { name: 'Rooms view, 4 rooms changed', figure: `busy ${n(m['resent.busyMsPerWindow'], 1)} ms per window`, ratio: m.resentToAllRatio!, against: 'alt.: all rooms rendered, same payload', judged: false },
      {
        name: 'Rooms view, unchanged rooms',
        figure: `${n(m['resent.unchangedRenders']! + m['changedOnly.unchangedRenders']!)} renders in ${n(m['resent.received']! + m['changedOnly.received']!)} updates`,
        ratio: m.unchangedRenderRatio!,
        against: '0 (renders per unchanged room per update)',
        judged: true,
      },
    ],
  },
  {
    id: 'telemetry/export',
    quickEnv: { BENCH_TELEMETRY_EXPORTS: '8' },
    load: async () => (await import('../telemetry/export')).main,
    rows: ({ metrics: m }) => [
      { name: 'OTLP export, 64 rooms × 6 legs / 10 s: CPU', figure: `${n(m.cpuMsPerExport, 1)} ms per export = ${n(m.coreShare! * 100, 3)} % of a core`, ratio: m.cpuRatio!, against: '< 2 % of one core', judged: true },
      { name: 'OTLP export: memory', figure: `+${n(m.overMb, 2)} MB over no export`, ratio: m.memoryRatio!, against: '< 10 MB', judged: true },
    ],
  },
];

/** The benches whose id contains one of the terms (all when there is none). */
export function selectBenches(terms: readonly string[]): BenchEntry[] {
  if (terms.length === 0) return BENCHES;
  const selected = BENCHES.filter((bench) => terms.some((term) => bench.id.includes(term)));
  if (selected.length === 0) throw new Error(`--only ${terms.join(',')} matches no benchmark; known: ${BENCHES.map((bench) => bench.id).join(', ')}`);
  return selected;
}
