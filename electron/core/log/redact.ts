/**
 * Secrets never reach a log (brief: "Secrets never reach the renderer, a log, or the database in clear").
 * Three nets, because any one alone leaks: keys that name a secret, values registered as secrets when the
 * configuration is resolved (a client secret quoted inside an error message), and token shapes (bearer
 * headers, JWTs, our ingest tokens) that were never registered.
 */
const SECRET_KEY = /secret|password|passphrase|token|authorization|private.?key|assertion|cookie|credential/i;
const TOKEN_SHAPES: RegExp[] = [
  /Bearer\s+[A-Za-z0-9._~+/-]+=*/gi,
  /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, // JWT
  /vtcq_[A-Za-z0-9_-]{10,}/g, // ingest tokens (electron/core/tokens)
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];
export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value to be masked wherever it appears. Very short values would mask ordinary text. */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 6) this.secrets.add(value);
  }

  redactText(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
    return out;
  }

  /** Deep copy with secret-named keys masked and every string scanned. Cycles are cut, not followed. */
  redactValue(value: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (value instanceof Error) return { name: value.name, message: this.redactText(value.message) };
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[cycle]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item, seen));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null && typeof item !== 'boolean' ? REDACTED : this.redactValue(item, seen);
    }
    return out;
  }
}
