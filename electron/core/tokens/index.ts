/** Ingest API tokens: the store (CLI, settings UI, ingest server) and the name rule. */
export { createTokenStore, TokenNameTakenError } from './token-store';
export type { IngestTokenInfo, RevokeResult, TokenStore, TokenStoreOptions } from './token-store';
export { TokenNameError, tokenNameProblem, TOKEN_NAME_RULE } from './token-name';
export { TOKEN_PREFIX } from './token-secret';
