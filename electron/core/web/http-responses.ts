/**
 * Headers every web-mode response carries, and the few plain pages the server writes itself.
 * The Content-Security-Policy depends on the server's port (csp.ts webCsp): the request handler sets it
 * first on every response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The first URL carries the access token: it must never leave in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Other sites cannot pull our scripts or data in with <script src> or <img>.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A short plain page: error pages carry no script, no detail, and are never cached. */
export function sendPage(req: IncomingMessage, res: ServerResponse, status: number, title: string, text: string, headers: Record<string, string> = {}): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
  applySecurityHeaders(res);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const PAGES = {
  misdirected: ['Misdirected request', 'This server answers only under its own address (127.0.0.1 or localhost with its port).'],
  unauthorized: [
    'Sign-in needed',
    'Open the "web:" link the agent printed when it started (it carries a one-time access token). A session ends after 12 hours without use; restart the agent to print a new link.',
  ],
  tokenUsed: [
    'Sign-in link already used',
    'This "web:" link signs in only once and it was used already. Go on in the browser tab that is signed in, or restart the agent (vtc-agent run --web) to print a new link.',
  ],
  notFound: ['Not found', 'There is nothing at this address.'],
  methodNotAllowed: ['Method not allowed', 'Only GET and HEAD are served here.'],
  badRequest: ['Bad request', 'The request could not be understood.'],
} as const satisfies Record<string, readonly [string, string]>;
