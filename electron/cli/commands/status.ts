/**
 * `status [--data-dir D] [--json]`: the outbox counts by state and the sync state, read from the database,
 * so it answers the same whether the agent runs (in another process) or not. The sync state is what the
 * running agent last saved (it saves on every change, not as a heartbeat): after a crash it still shows
 * the last state, so the human output says when it was saved. --json prints the UI's SyncStatusView plus
 * `devices` (../shared/design/contracts.md): each configured device's room, kind, product, version, state and call.
 */
import { parseCommandArgs, UsageError } from '../args';
import { buildContext, type CommandContext } from '../context';
import type { CliIo } from '../io';
import { formatDurationMs, formatFields, formatGraphError, formatRatioPercent, formatTable } from '../format';
import { hasDatabase, withDatabase, withOutbox } from '../outbox-access';
import { readDeviceStatuses, type DeviceStatusEntry } from '../../core/devices/status-store';
import { printJson } from './subcommands';
import { readStorageStatusFile } from '../../core/app/storage-status-file';
import { readSettingsProblems, settingsProblemLines } from './status-settings';
import { telemetryStatusOf, telemetryStatusFields } from './status-telemetry';
import type { Command } from './index';
import { toStoredSyncStatusView } from '../../core/app/report-views';
import { outboxLimitsOf } from '../../core/app/outbox-limits';
import { fillRatioOf } from '../../core/sync/status';
import { REPORT_STATES } from '../../core/outbox';
import type { SyncStatusView } from '../../../shared/api/views';
import { emptyReportCounts } from '../../../shared/api/states';

interface StatusReading {
  view: SyncStatusView;
  /** When the agent last saved its sync state; undefined when it never ran here. */
  savedAtMs?: number;
  unsentBytes: number;
  maxUnsentBytes: number;
  maxUnsentRows: number;
}

export const statusCommand: Command = {
  summary: 'outbox counts by state, sync state and reason, last success, last error',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {});
    if (positionals.length > 0) throw new UsageError(`status takes no arguments, got ${JSON.stringify(positionals.join(' '))}`);
    const context = buildContext(values, io);
    const reading = readStatus(context);
    // The database may be what refuses writes: the agent reports that in a file it reserved at start.
    const storage = readStorageStatusFile(context.dataDir);
    if (storage !== undefined) reading.view.storage = storage;
    reading.view.telemetry = telemetryStatusOf(context);
    const settingsProblems = readSettingsProblems(context);
    if (settingsProblems.length > 0) reading.view.settingsProblems = settingsProblems;
    const devices = readDevices(context);
    if (values.json) printJson(io, { ...reading.view, devices });
    else {
      printStatus(io, context.dataDir, reading);
      printDevices(io, devices);
    }
    return 0;
  },
};

function readStatus(context: CommandContext): StatusReading {
  if (!hasDatabase(context.dataDir)) {
    // A status probe on a fresh install answers rather than fails, and does not create a database.
    const counts = emptyReportCounts();
    const view = toStoredSyncStatusView(undefined, counts, 0);
    view.reason = `no database in ${context.dataDir} yet: the agent has not run on this data directory`;
    const limits = outboxLimitsOf(context.config);
    return { view, unsentBytes: 0, maxUnsentBytes: limits.maxUnsentBytes, maxUnsentRows: limits.maxUnsentRows };
  }
  return withOutbox(context, (outbox) => {
    const stats = outbox.stats();
    const record = outbox.syncStatus();
    return {
      view: toStoredSyncStatusView(record, stats.counts, fillRatioOf(stats), stats.oldestWaitingAgeMs),
      savedAtMs: record?.updatedAtMs,
      unsentBytes: stats.unsentBytes,
      maxUnsentBytes: stats.limits.maxUnsentBytes,
      maxUnsentRows: stats.limits.maxUnsentRows,
    };
  });
}

function printStatus(io: CliIo, dataDir: string, reading: StatusReading): void {
  const { view } = reading;
  const unsent = view.counts.needs_context + view.counts.pending + view.counts.in_flight + view.counts.failed;
  const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const lines = formatFields([
    ['data-dir', dataDir],
    ['sync', view.state],
    ['reason', view.reason],
    ['sync saved', reading.savedAtMs === undefined ? undefined : `${new Date(reading.savedAtMs).toISOString()} by the agent`],
    ['last success', view.lastSuccessAt ? `${view.lastSuccessAt} (${ago(view.lastSuccessAt)})` : 'never'],
    ['last error', view.lastError ? `${view.lastError.at} ${formatGraphError(view.lastError)}` : 'none'],
    ['oldest unsent', view.oldestUnsentAgeMs === undefined ? 'none waiting' : formatDurationMs(view.oldestUnsentAgeMs)],
    [
      'outbox fill',
      `${formatRatioPercent(view.fillRatio)} (${unsent} of ${reading.maxUnsentRows} reports, ${megabytes(reading.unsentBytes)} of ${megabytes(reading.maxUnsentBytes)})`,
    ],
  ]);
  for (const line of lines) io.out(line);
  if (view.storage !== undefined) for (const line of formatFields([['storage', `${view.storage.message} (since ${view.storage.since})`]])) io.out(line);
  for (const line of settingsProblemLines(view.settingsProblems ?? [])) io.out(line);
  for (const line of formatFields(telemetryStatusFields(view.telemetry))) io.out(line);
  io.out('');
  for (const line of formatTable(['STATE', 'REPORTS'], REPORT_STATES.map((state) => [state, view.counts[state]]))) io.out(line);
}

/**
 * The devices as the running agent last saved them; devices of the configuration it has not saved yet
 * (or when it never ran here) are listed as offline, not contacted.
 */
function readDevices(context: CommandContext): DeviceStatusEntry[] {
  const saved = hasDatabase(context.dataDir) ? (withDatabase(context.dataDir, readDeviceStatuses)?.devices ?? []) : [];
  const seen = new Set(saved.map((device) => `${device.roomId}/${device.deviceId}`));
  const configured: DeviceStatusEntry[] = context.config.rooms.flatMap((room) =>
    room.devices
      .filter((device) => !seen.has(`${room.id}/${device.id}`))
      .map((device) => ({ roomId: room.id, deviceId: device.id, kind: device.kind, product: null, softwareVersion: null, state: 'offline' as const, call: null, error: 'not contacted by the agent yet', transport: null })),
  );
  return [...saved, ...configured];
}

function printDevices(io: CliIo, devices: readonly DeviceStatusEntry[]): void {
  if (devices.length === 0) return;
  io.out('');
  const callText = (device: DeviceStatusEntry): string => {
    if (device.call === null) return '-';
    if (device.call.kind === 'teams_rooms') return `in a Teams Rooms call since ${device.call.since} (measured by Teams)`;
    return `call ${device.call.id} since ${device.call.since}`;
  };
  const rows = devices.map((device) => [device.roomId, device.deviceId, device.kind, device.product ?? '-', device.softwareVersion ?? '-', device.state, callText(device)]);
  for (const line of formatTable(['ROOM', 'DEVICE', 'KIND', 'PRODUCT', 'VERSION', 'STATE', 'CALL'], rows)) io.out(line);
}

function ago(isoTime: string): string {
  const elapsedMs = Date.now() - Date.parse(isoTime);
  return elapsedMs >= 0 ? `${formatDurationMs(elapsedMs)} ago` : 'in the future: check the clock';
}
