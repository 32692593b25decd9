/**
 * Settings' "Test device" for a Poly VideoOS codec: log in, read `/rest/system` (model and software
 * version), log out again (a test must not leave a session listed on the codec, ../shared/reference/poly-videoos.md §2.5).
 */
import { failedTest, presentedCertificate } from '../test-result';
import type { DeviceTestInput, DeviceTestResult } from '../types';
import { deviceNameOf, parseSystem, PolyShapeError } from './api';
import { createJsonClient } from './http';
import { createPolySession } from './session';

export async function testPolyDevice(input: DeviceTestInput): Promise<DeviceTestResult> {
  const certificate = presentedCertificate();
  const client = createJsonClient({
    url: input.url,
    allowSelfSigned: input.allowSelfSigned,
    certificateSha256: input.certificateSha256,
    timeoutMs: input.timeoutMs ?? 8_000,
    onFingerprint: certificate.onFingerprint,
  });
  const session = createPolySession({ client, username: input.username, password: input.password });
  try {
    const response = await session.get('/rest/system');
    if (response.status === 404) return { ok: false, state: 'error', error: 'no /rest/system on this address: is it a Poly VideoOS codec?', ...certificate.seen() };
    const system = parseSystem(response.body);
    return {
      ok: true,
      state: 'online',
      productId: deviceNameOf(system),
      ...(system.softwareVersion !== undefined && { softwareVersion: system.softwareVersion }),
      ...certificate.seen(),
    };
  } catch (error) {
    if (error instanceof PolyShapeError) return { ok: false, state: 'error', error: error.message };
    return failedTest(error, certificate);
  } finally {
    await session.close();
    client.close();
  }
}
