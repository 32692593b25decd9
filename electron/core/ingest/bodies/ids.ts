/** Room and device ids as the configuration defines them (shared/config/schema.ts roomConfigSchema). */
import { z } from 'zod';

const ID_RULE = 'must be 1–64 letters, digits, dot, dash or underscore';

export const localIdSchema = z.string({ error: (issue) => (issue.input == null ? undefined : ID_RULE) }).regex(/^[A-Za-z0-9._-]{1,64}$/, { message: ID_RULE });
