import type { Migration } from './index';

/** Key/value settings of the installation (non-secret; secrets are stored encrypted by the shell). */
export const m001Base: Migration = {
  id: 1,
  name: 'base',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
