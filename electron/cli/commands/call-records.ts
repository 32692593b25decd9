/**
 * `call-records list [--since 24h] [--participant ID] [--json]` and `call-records get ID [--json]`
 * (../shared/design/contracts.md "Command line"): recent Teams callRecords of the configured tenant (--config or
 * the remembered configuration; in demo mode its endpoints point at the emulator), read live from Graph
 * through the same service and cache as the app, so an offline machine still answers from the cache.
 *
 * Exit status: 0 when Graph answered (`ok`); 2 when the configuration is the problem (not configured,
 * China, admin consent missing for CallRecords.Read.All) or the usage is bad; 1 otherwise (offline, record
 * not available yet or expired). The view is printed in every case, the reason also on stderr.
 */
import type { CallRecordDetailView, CallRecordListView, CallRecordsAvailability } from '../../../shared/api/views';
import type { AppConfig } from '../../../shared/config/schema';
import { CredentialProblem, type ClientCredential } from '../../core/auth/credential';
import { AppFailure } from '../../core/api/failure';
import { createGraphConnection } from '../../core/app/graph-connection';
import { toReportDetailView } from '../../core/app/report-views';
import { createCallRecordsService, type CallRecordsService } from '../../core/callrecords';
import { teamsRoomsOf } from '../../core/callrecords/teams-rooms';
import { ConfigError } from '../../core/config/load';
import { configFileSecrets, resolveCredential } from '../../core/config/credential';
import { openDatabase } from '../../core/db/database';
import { parseCommandArgs, parseSinceHours, UsageError } from '../args';
import { buildContext, type CommandContext } from '../context';
import type { CliIo } from '../io';
import { formatDetail, formatList } from './call-records-format';
import { printJson, withSubcommands, type Subcommand } from './subcommands';

const list: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, { since: { type: 'string' }, participant: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`call-records list takes no arguments, got ${JSON.stringify(positionals.join(' '))}`);
  const sinceHours = parseSinceHours(values.since, 24);
  const context = buildContext(values, io);
  const view = await withService(context, io, (service) => service.list({ sinceHours, participantId: values.participant, refresh: true }));
  if (values.json) printJson(io, view);
  else for (const line of formatList(view)) io.out(line);
  return report(io, view);
};

const get: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {});
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('call-records get takes exactly one callRecord id (the call\'s callChainId)');
  const context = buildContext(values, io);
  const view = await withService(context, io, (service) => service.get({ id, refresh: true }));
  if (values.json) printJson(io, view);
  else for (const line of formatDetail(view)) io.out(line);
  return report(io, view);
};

export const callRecordsCommand = withSubcommands('recent Teams callRecords: list [--since 24h] [--participant ID], get ID', { list, get });

/** The service over the data directory's database (created if needed: it holds the cache) for one call. */
async function withService<T>(context: CommandContext, io: CliIo, use: (service: CallRecordsService) => Promise<T>): Promise<T> {
  const graph = createGraphConnection();
  graph.configure({ config: context.config, credential: await configuredCredential(context.config, io.env), devices: [], doNotDisturb: false, launchAtLogin: false, problems: [] });
  const db = openDatabase(context.dataDir);
  const service = createCallRecordsService({
    db,
    getApi: () => graph.client(),
    cloud: context.config.cloud,
    log: context.log,
    toReportView: toReportDetailView,
    teamsRooms: () => teamsRoomsOf(context.config.rooms),
  });
  try {
    return await use(service);
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'invalid_input') throw new UsageError(error.message);
    throw error;
  } finally {
    await service.stop();
    db.close();
  }
}

/** The credential of the configuration file, secrets resolved (`{ env }`) and key files read and checked. */
async function configuredCredential(config: AppConfig, env: NodeJS.ProcessEnv): Promise<ClientCredential | undefined> {
  if (!config.credential) return undefined;
  try {
    return await resolveCredential(config.credential, configFileSecrets(config.credential, env));
  } catch (error) {
    if (error instanceof CredentialProblem) throw new ConfigError('(configuration)', [{ path: error.path, message: error.message }]);
    throw error;
  }
}

const CONFIGURATION_PROBLEMS: readonly CallRecordsAvailability[] = ['not_configured', 'unavailable_in_cloud', 'missing_permission'];

function report(io: CliIo, view: CallRecordListView | CallRecordDetailView): number {
  if (view.availability === 'ok') return 0;
  io.err(`call-records: ${view.availability}${view.message ? `: ${view.message}` : ''}${view.stale && view.fetchedAt ? ` (cached at ${view.fetchedAt})` : ''}`);
  return CONFIGURATION_PROBLEMS.includes(view.availability) ? 2 : 1;
}
