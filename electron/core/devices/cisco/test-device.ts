/**
 * The Settings view's "Test" next to a codec: one authenticated read of `xStatus SystemUnit`, so the
 * operator learns at once whether the address, the account and the TLS choice work, which product it is,
 * and which certificate it presents (to pin it).
 */
import type { DeviceTestInput, DeviceTestResult } from '../types';
import { failedTest, presentedCertificate } from '../test-result';
import { createXmlClient } from './http';
import { systemUnitOf } from './json';
import { openXapiSocket, WebSocketRefusedError } from './ws-client';
import { parseSystemUnit } from './xml';

export type { DeviceTestInput, DeviceTestResult };

/**
 * With transport `websocket` or `auto` the test reads SystemUnit over the WebSocket xAPI; `auto` falls back
 * to HTTP when the codec refuses the WebSocket, and the result says which transport answered.
 */
export async function testCiscoDevice(input: DeviceTestInput): Promise<DeviceTestResult> {
  const transport = input.transport ?? 'auto';
  if (transport === 'http') return testOverHttp(input);
  const certificate = presentedCertificate();
  try {
    const socket = await openXapiSocket({
      url: input.url,
      username: input.username,
      password: input.password,
      allowSelfSigned: input.allowSelfSigned,
      certificateSha256: input.certificateSha256,
      timeoutMs: input.timeoutMs ?? 8_000,
      onFingerprint: certificate.onFingerprint,
      onFeedback: () => undefined,
      onClosed: () => undefined,
    });
    try {
      const unit = systemUnitOf(await socket.request('xGet', { Path: ['Status', 'SystemUnit'] }));
      return { ok: true, state: 'online', productId: unit.productId, softwareVersion: unit.softwareVersion, transport: 'websocket', ...certificate.seen() };
    } finally {
      socket.close();
    }
  } catch (error) {
    if (error instanceof WebSocketRefusedError) {
      if (transport === 'auto') return testOverHttp(input);
      return { ok: false, state: 'error', error: error.message, ...certificate.seen() };
    }
    return failedTest(error, certificate);
  }
}

async function testOverHttp(input: DeviceTestInput): Promise<DeviceTestResult> {
  const certificate = presentedCertificate();
  const client = createXmlClient({
    url: input.url,
    username: input.username,
    password: input.password,
    allowSelfSigned: input.allowSelfSigned,
    certificateSha256: input.certificateSha256,
    timeoutMs: input.timeoutMs ?? 8_000,
    onFingerprint: certificate.onFingerprint,
  });
  try {
    const unit = parseSystemUnit(await client.get('/Status/SystemUnit'));
    return { ok: true, state: 'online', productId: unit.productId, softwareVersion: unit.softwareVersion, transport: 'http', ...certificate.seen() };
  } catch (error) {
    return failedTest(error, certificate);
  } finally {
    client.close();
  }
}
