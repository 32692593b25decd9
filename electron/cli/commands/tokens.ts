/**
 * `tokens create --name N | list | revoke NAME`: the ingest API's bearer tokens, one per sender.
 * `create` prints the token once: only its SHA-256 is stored, so it cannot be shown again (a lost token is
 * revoked and replaced). `list` never prints token values. `revoke` takes effect on the next request, also
 * while the agent runs, because the ingest server reads the active tokens on every request.
 */
import { parseCommandArgs, UsageError } from '../args';
import { buildContext } from '../context';
import { formatTable } from '../format';
import { withDatabase } from '../outbox-access';
import { printJson, withSubcommands, type Subcommand } from './subcommands';
import { createTokenStore, TokenNameTakenError, tokenNameProblem } from '../../core/tokens';
import type { IngestTokenView } from '../../../shared/api/views';

const tokensCreate: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, { name: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`tokens create takes its name as --name N, got ${JSON.stringify(positionals.join(' '))}`);
  if (values.name === undefined) throw new UsageError('--name is required: name the sender this token is for, e.g. --name gateway-1');
  const problem = tokenNameProblem(values.name);
  if (problem) throw new UsageError(`--name ${problem}`);
  const name = values.name;
  const context = buildContext(values, io);
  // Tokens are usually made before the agent's first run, so this one command may create the database.
  const created = withDatabase(
    context.dataDir,
    (db) => {
      try {
        return createTokenStore(db).create(name);
      } catch (error) {
        if (error instanceof TokenNameTakenError) throw new UsageError(`--name: ${error.message}`);
        throw error;
      }
    },
    { create: true },
  );
  if (values.json) {
    printJson(io, created);
    return 0;
  }
  const { host, port } = context.config.ingest;
  io.out(`name: ${created.name}`);
  io.out(`token: ${created.token}`);
  io.out('');
  io.out('This is the only time the token is shown: store it in the sender now. Send it with every request as');
  io.out(`  Authorization: Bearer ${created.token}`);
  io.out(`e.g. POST http://${host}:${port}/api/v1/reports (the agent's ingest API)`);
  return 0;
};

const tokensList: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new UsageError(`tokens list takes no arguments, got ${JSON.stringify(positionals.join(' '))}`);
  const context = buildContext(values, io);
  const tokens = withDatabase(context.dataDir, (db) => createTokenStore(db).list());
  // The UI's IngestTokenView: names and dates only, never a token or its hash.
  const views: IngestTokenView[] = tokens.map(({ name, createdAt, lastUsedAt, revoked }) => ({ name, createdAt, lastUsedAt, revoked }));
  if (values.json) {
    printJson(io, views);
    return 0;
  }
  if (tokens.length === 0) {
    io.out('no ingest tokens: create one with tokens create --name N');
    return 0;
  }
  const rows = tokens.map((token) => [token.name, token.revoked ? `revoked ${token.revokedAt ?? ''}`.trim() : 'active', token.createdAt, token.lastUsedAt ?? 'never']);
  for (const line of formatTable(['NAME', 'STATE', 'CREATED', 'LAST USED'], rows)) io.out(line);
  return 0;
};

const tokensRevoke: Subcommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {});
  const [name] = positionals;
  if (positionals.length !== 1 || name === undefined) throw new UsageError(`tokens revoke takes one token name, got ${positionals.length}`);
  const context = buildContext(values, io);
  const result = withDatabase(context.dataDir, (db) => createTokenStore(db).revoke(name));
  if (values.json) printJson(io, { name, ...result });
  if (!result.revoked && result.reason === 'not_found') {
    io.err(`vtc-agent tokens revoke: no ingest token is named ${JSON.stringify(name)} (see tokens list)`);
    return 1;
  }
  if (!values.json) io.out(result.revoked ? `revoked: ${name} (refused from the next request on)` : `${name} was already revoked`);
  return 0;
};

export const tokensCommand = withSubcommands('ingest API tokens: create --name N (prints the token once), list, revoke NAME', {
  create: tokensCreate,
  list: tokensList,
  revoke: tokensRevoke,
});
