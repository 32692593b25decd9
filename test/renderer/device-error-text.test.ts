import { describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n';
import type { MessageKey, MessageParams } from '../../renderer/src/i18n';
import { deviceErrorText } from '../../renderer/src/views/settings/device-error-text';

const t = (key: MessageKey, params?: MessageParams) => translate('en', 'en', key, params);

describe('Test device errors in plain words', () => {
  it('says what to check, keeping the technical text for support', () => {
    expect(deviceErrorText(t, { ok: false, state: 'offline', error: 'unreachable: ECONNREFUSED' })).toBe(
      'Nothing answers at this address and port: check the URL, and that the codec’s HTTPS (or HTTP) service is on. (unreachable: ECONNREFUSED)',
    );
    expect(deviceErrorText(t, { ok: false, state: 'auth_failed', error: 'HTTP 401' })).toMatch(/^The codec refused the user name or password/);
    expect(deviceErrorText(t, { ok: false, state: 'error', error: 'something new' })).toBe('Not reachable: something new');
  });
});
