/**
 * "Test device": one status read of the device with the values being edited, before saving, for its kind.
 * Without a new password the core uses the stored one (the UI never holds it). The certificate fingerprint
 * the device presented is shown so the operator can pin it.
 */
import { useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import type { DeviceTestView } from '../../../../shared/api/views';
import type { CiscoTransport, DeviceKind } from '../../../../shared/config/schema';
import { useT } from '../../i18n';
import { useStores } from '../../stores/provider';
import { deviceErrorText } from './device-error-text';

type TestState = { status: 'idle' } | { status: 'testing' } | { status: 'done'; value: DeviceTestView } | { status: 'error'; error: AppError };

export interface DeviceTestTarget {
  id: string;
  isNew: boolean;
  kind: DeviceKind;
  transport: CiscoTransport;
  certificateSha256: string;
  url: string;
  username: string;
  password: string;
  allowSelfSigned: boolean;
}

export function DeviceTest({ device }: { device: DeviceTestTarget }) {
  const t = useT();
  const { settings } = useStores();
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const run = async (): Promise<void> => {
    setState({ status: 'testing' });
    const result = await settings.getState().testDevice({
      ...(device.isNew ? {} : { deviceId: device.id }),
      url: device.url.trim(),
      username: device.username,
      ...(device.password !== '' ? { password: device.password } : {}),
      allowSelfSigned: device.allowSelfSigned,
      kind: device.kind,
      ...(device.certificateSha256.trim() !== '' ? { certificateSha256: device.certificateSha256.trim() } : {}),
      ...(device.kind === 'cisco-xapi' ? { transport: device.transport } : {}),
    });
    setState(result.ok ? { status: 'done', value: result.value } : { status: 'error', error: result.error });
  };
  return (
    <div className="device-test">
      <button type="button" disabled={state.status === 'testing'} onClick={() => void run()}>
        {state.status === 'testing' ? t('settings.deviceTesting') : t('settings.deviceTest')}
      </button>
      <span role="status" className={state.status === 'done' && state.value.ok ? 'ok' : state.status === 'idle' || state.status === 'testing' ? undefined : 'error'}>
        {state.status === 'done' &&
          (state.value.ok
            ? t('settings.deviceTestOk', { product: [state.value.productId, state.value.softwareVersion].filter(Boolean).join(' ') || t('settings.deviceTestUnknownProduct') })
            : deviceErrorText(t, state.value))}
        {state.status === 'error' && (state.error.details?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') || state.error.message)}
        {state.status === 'done' && state.value.ok && state.value.transport !== undefined && (
          <span className="device-test-transport"> {t('settings.deviceTestTransport', { transport: state.value.transport === 'websocket' ? 'WebSocket' : 'HTTP' })}</span>
        )}
      </span>
      {state.status === 'done' && state.value.certificateSha256 !== undefined && (
        <output className="device-test-certificate">
          <code>{t('settings.deviceTestCertificate', { sha256: state.value.certificateSha256 })}</code>
        </output>
      )}
    </div>
  );
}
