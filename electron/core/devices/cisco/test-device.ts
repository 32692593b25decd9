/**
 * The Settings view's "Test" next to a codec: one authenticated read of `xStatus SystemUnit`, so the
 * operator learns at once whether the address, the account and the TLS choice work, and which product it is.
 */
import { classifyRequestError, createXmlClient } from './http';
import { parseSystemUnit } from './xml';

export interface DeviceTestInput {
  url: string;
  username: string;
  password: string;
  allowSelfSigned: boolean;
  timeoutMs?: number;
}

export interface DeviceTestResult {
  ok: boolean;
  /** online, or why not: offline (unreachable), auth_failed, error (TLS, not a codec, HTTP error). */
  state: 'online' | 'offline' | 'auth_failed' | 'error';
  productId?: string;
  softwareVersion?: string;
  error?: string;
}

export async function testCiscoDevice(input: DeviceTestInput): Promise<DeviceTestResult> {
  const client = createXmlClient({ url: input.url, username: input.username, password: input.password, allowSelfSigned: input.allowSelfSigned, timeoutMs: input.timeoutMs ?? 8_000 });
  try {
    const unit = parseSystemUnit(await client.get('/Status/SystemUnit'));
    return { ok: true, state: 'online', productId: unit.productId, softwareVersion: unit.softwareVersion };
  } catch (error) {
    const failure = classifyRequestError(error);
    return { ok: false, state: failure.kind, error: failure.message };
  } finally {
    client.close();
  }
}
