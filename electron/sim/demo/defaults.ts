/**
 * The demo's defaults (../shared/design/contracts.md `demo`: 4 rooms), shared by the `demo` command, "Try the demo" in the
 * agent and in the app. No imports: the callers load the demo itself lazily (it needs a dev dependency).
 */
export const DEMO_DEFAULTS = {
  rooms: 4,
  seed: 1,
  /** Real time per simulated 5-second codec interval: a two-minute call lasts about 24 s. */
  tickMs: 1_000,
  emulatorPort: 0,
} as const;
