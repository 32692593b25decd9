/** What every web-mode guard answers: pass, or refuse with a reason for the log (never for the client). */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const PASS: Verdict = { ok: true };
export const refuse = (reason: string): Verdict => ({ ok: false, reason });
