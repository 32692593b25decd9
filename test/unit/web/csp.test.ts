import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP, RENDERER_CSP, webCsp } from '../../../electron/core/web/csp';

const html = readFileSync('renderer/index.html', 'utf8');
const metaCsp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

describe('Content-Security-Policy', () => {
  it('the <meta> in index.html is the renderer policy: no frame-ancestors (an error in a meta), no ws: sources', () => {
    expect(metaCsp).toBe(RENDERER_CSP);
    expect(metaCsp).not.toContain('frame-ancestors');
    expect(metaCsp).not.toMatch(/ws:/);
  });

  it('the app:// header adds frame-ancestors and allows no WebSocket', () => {
    expect(APP_CSP).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
    expect(APP_CSP).not.toMatch(/ws:/);
  });

  it.each([
    ['http://127.0.0.1:5180', "connect-src 'self' ws://127.0.0.1:5180 ws://localhost:5180;"],
    ['http://[::1]:5180', "connect-src 'self' ws://[::1]:5180 ws://localhost:5180;"],
    ['http://localhost:5180', "connect-src 'self' ws://localhost:5180;"],
  ])('the web server for %s allows only its own socket', (origin, connectSrc) => {
    const policy = webCsp(origin);
    expect(policy).toContain(connectSrc);
    expect(policy).not.toMatch(/ws:\/\/[^ ;]*\*/);
    expect(policy.endsWith("; frame-ancestors 'none'")).toBe(true);
  });

  it('the page asks for a favicon that the build ships (no 404 on every load), at the size a tab shows', () => {
    expect(html).toContain('<link rel="icon" type="image/png" sizes="32x32" href="/favicon.png" />');
    const png = readFileSync('renderer/public/favicon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The IHDR's width and height: a 512 px icon cost the page a 5–17 ms decode on its main thread at start.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  });
});
