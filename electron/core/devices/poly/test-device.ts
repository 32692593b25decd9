/**
 * Settings' "Test device" for a Poly VideoOS codec: log in, read `/rest/system` (model and software
 * version), log out again (a test must not leave a session listed on the codec, ../shared/reference/poly-videoos.md §2.5).
 */
import { classifyRequestError } from '../errors';
import type { DeviceTestInput, DeviceTestResult } from '../types';
import { deviceNameOf, parseSystem, PolyShapeError } from './api';
import { createJsonClient } from './http';
import { createPolySession } from './session';

export async function testPolyDevice(input: DeviceTestInput): Promise<DeviceTestResult> {
  let certificateSha256: string | undefined;
  const client = createJsonClient({
    url: input.url,
    allowSelfSigned: input.allowSelfSigned,
    certificateSha256: input.certificateSha256,
    timeoutMs: input.timeoutMs ?? 8_000,
    onFingerprint: (sha256) => {
      certificateSha256 = sha256;
    },
  });
  const session = createPolySession({ client, username: input.username, password: input.password });
  try {
    const response = await session.get('/rest/system');
    if (response.status === 404) return { ok: false, state: 'error', error: 'no /rest/system on this address: is it a Poly VideoOS codec?', ...(certificateSha256 !== undefined && { certificateSha256 }) };
    const system = parseSystem(response.body);
    return {
      ok: true,
      state: 'online',
      productId: deviceNameOf(system),
      ...(system.softwareVersion !== undefined && { softwareVersion: system.softwareVersion }),
      ...(certificateSha256 !== undefined && { certificateSha256 }),
    };
  } catch (error) {
    if (error instanceof PolyShapeError) return { ok: false, state: 'error', error: error.message };
    const failure = classifyRequestError(error);
    return { ok: false, state: failure.kind, error: failure.message, ...(certificateSha256 !== undefined && { certificateSha256 }) };
  } finally {
    await session.close();
    client.close();
  }
}
