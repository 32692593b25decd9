/**
 * Token names identify a sender ("gateway-1", "room-pc.b2") in `tokens list`, in logs and in the quarantine.
 * Restricted to a safe alphabet so they can be printed in a terminal and a log line without escaping.
 * The same rule as the AppApi's createIngestToken request (shared/api/contract.ts).
 */
const TOKEN_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const TOKEN_NAME_RULE = 'must be 1–64 characters: letters, digits, dot, dash or underscore';

/** undefined when `name` is a valid token name, else the reason in plain words. */
export function tokenNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'must be a string';
  return TOKEN_NAME_PATTERN.test(name) ? undefined : TOKEN_NAME_RULE;
}

export class TokenNameError extends Error {
  readonly code = 'invalid_token_name';
  constructor(message: string) {
    super(message);
    this.name = 'TokenNameError';
  }
}
