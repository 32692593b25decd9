/**
 * The export state, saved beside the database so `status` in another process (the agent runs as a service)
 * can show it. Written atomically (temp file + rename) after each export attempt: one small file, at most
 * once per interval.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../data-dir/private-files';
import { TELEMETRY_EXPORT_STATES, type TelemetryStatusView } from '../../../shared/api/telemetry';

const FILE_NAME = 'telemetry-status.json';

export function saveTelemetryStatus(dataDir: string, view: TelemetryStatusView): void {
  const path = join(dataDir, FILE_NAME);
  const temp = `${path}.${process.pid}.tmp`;
  // Owner-only, like everything in the data directory (data-dir/private-files.ts).
  writeFileSync(temp, JSON.stringify(view), { mode: PRIVATE_FILE_MODE });
  renameSync(temp, path);
}

/** The state the agent last saved here; undefined when it never exported from this data directory. */
export function readTelemetryStatus(dataDir: string): TelemetryStatusView | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, FILE_NAME), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const state: unknown = Reflect.get(parsed, 'otlp');
  if (!TELEMETRY_EXPORT_STATES.some((known) => known === state)) return undefined;
  // Written by this program only; the state check guards against a truncated or foreign file.
  return parsed as TelemetryStatusView;
}
