/**
 * The Settings view's "Test" next to a codec: one authenticated read of `xStatus SystemUnit`, so the
 * operator learns at once whether the address, the account and the TLS choice work, which product it is,
 * and which certificate it presents (to pin it).
 */
import type { DeviceTestInput, DeviceTestResult } from '../types';
import { classifyRequestError, createXmlClient } from './http';
import { parseSystemUnit } from './xml';

export type { DeviceTestInput, DeviceTestResult };

export async function testCiscoDevice(input: DeviceTestInput): Promise<DeviceTestResult> {
  let certificateSha256: string | undefined;
  const client = createXmlClient({
    url: input.url,
    username: input.username,
    password: input.password,
    allowSelfSigned: input.allowSelfSigned,
    certificateSha256: input.certificateSha256,
    timeoutMs: input.timeoutMs ?? 8_000,
    onFingerprint: (sha256) => {
      certificateSha256 = sha256;
    },
  });
  const seen = (): { certificateSha256?: string } => (certificateSha256 === undefined ? {} : { certificateSha256 });
  try {
    const unit = parseSystemUnit(await client.get('/Status/SystemUnit'));
    return { ok: true, state: 'online', productId: unit.productId, softwareVersion: unit.softwareVersion, transport: 'http', ...seen() };
  } catch (error) {
    const failure = classifyRequestError(error);
    return { ok: false, state: failure.kind, error: failure.message, ...seen() };
  } finally {
    client.close();
  }
}
