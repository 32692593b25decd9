import { describe, expect, it } from 'vitest';
import { devicesNeedingPassword, sameDeviceEndpoint } from '../../../electron/core/app/device-credentials';

const saved = { url: 'https://10.20.30.21', username: 'vtc-monitor' };

describe('where a saved device password may go', () => {
  it.each([
    ['the saved address', 'https://10.20.30.21', 'vtc-monitor', true],
    ['with a trailing slash', 'https://10.20.30.21/', 'vtc-monitor', true],
    ['with the default port spelled out', 'https://10.20.30.21:443', 'vtc-monitor', true],
    ['in upper case', 'HTTPS://10.20.30.21', 'vtc-monitor', true],
    ['another user name', 'https://10.20.30.21', 'admin', false],
    ['a user name differing in case', 'https://10.20.30.21', 'VTC-monitor', false],
    ['plain http', 'http://10.20.30.21', 'vtc-monitor', false],
    ['another port', 'https://10.20.30.21:8443', 'vtc-monitor', false],
    ['a local listener', 'http://127.0.0.1:4444', 'vtc-monitor', false],
    ['user info smuggled in', 'https://10.20.30.21@evil.example', 'vtc-monitor', false],
    ['a look-alike host', 'https://10.20.30.21.evil.example', 'vtc-monitor', false],
    ['a path', 'https://10.20.30.21/../evil', 'vtc-monitor', false],
    ['not a URL', 'not a url', 'vtc-monitor', false],
    ['empty', '', 'vtc-monitor', false],
  ])('%s → %s', (_name, url, username, allowed) => {
    expect(sameDeviceEndpoint(saved, { url, username })).toBe(allowed);
  });

  it.each([
    ['the same trust', { allowSelfSigned: false }, { allowSelfSigned: false }, true],
    ['self-signed newly allowed', { allowSelfSigned: false }, { allowSelfSigned: true }, false],
    ['self-signed no longer allowed', { allowSelfSigned: true }, { allowSelfSigned: false }, true],
    ['the same pin, spelled with colons and in capitals', { certificateSha256: 'ab'.repeat(32) }, { certificateSha256: 'AB:'.repeat(31) + 'AB' }, true],
    ['another pin', { certificateSha256: 'ab'.repeat(32) }, { certificateSha256: 'cd'.repeat(32) }, false],
    ['a pin where there was none', {}, { certificateSha256: 'cd'.repeat(32) }, false],
    ['the pin removed', { certificateSha256: 'ab'.repeat(32) }, {}, false],
  ])('certificate trust: %s → %s', (_name, stored, requested, allowed) => {
    expect(sameDeviceEndpoint({ ...saved, ...stored }, { ...saved, ...requested })).toBe(allowed);
  });

  it('a saved endpoint that does not parse never matches, not even itself', () => {
    expect(sameDeviceEndpoint({ url: 'nonsense', username: 'a' }, { url: 'nonsense', username: 'a' })).toBe(false);
  });

  it('a settings save that moves a saved device without its password names each password field', () => {
    const before = [{ id: 'a', ...saved }, { id: 'b', url: 'https://b.example', username: 'u' }];
    const rooms = [
      { devices: [{ id: 'a', url: 'https://10.20.30.21/', username: 'vtc-monitor' }] },
      { devices: [{ id: 'new', url: 'https://n.example', username: 'u' }, { id: 'b', url: 'https://127.0.0.1:9999', username: 'u' }, { id: 'a', url: 'https://x.example', username: 'vtc-monitor', password: 'typed' }] },
    ];
    expect(devicesNeedingPassword(before, rooms)).toEqual([{ path: 'rooms[1].devices[1].password', message: expect.stringContaining('is required') }]);
  });
});
