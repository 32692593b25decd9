/**
 * The settings problems `status` shows: what the agent found wrong when it last applied its settings (a
 * certificate file gone, a saved value this version refuses), kept in the database's settings table, so a
 * shell sees them whether the agent runs or not. Empty when there is no database yet.
 */
import type { ValidationIssue } from '../../../shared/validation';
import { createSettingsStore } from '../../core/settings/store';
import type { CommandContext } from '../context';
import { hasDatabase, withDatabase } from '../outbox-access';

export function readSettingsProblems(context: CommandContext): ValidationIssue[] {
  if (!hasDatabase(context.dataDir)) return [];
  return withDatabase(context.dataDir, (db) => createSettingsStore(db).readProblems());
}

/** One `setting problem:` line per problem, for the human output. */
export function settingsProblemLines(problems: readonly ValidationIssue[]): string[] {
  return problems.map((problem) => `setting problem: ${problem.path} ${problem.message}`);
}
