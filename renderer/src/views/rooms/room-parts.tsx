/** The pieces a room card and the room detail share: device states and the call in progress. */
import type { CallSnapshot, DeviceSnapshot } from '../../../../shared/domain/legs';
import { useFormat, useT } from '../../i18n';
import { DEVICE_STATE_KEY } from '../../lib/labels';

export function DeviceList({ devices }: { devices: readonly DeviceSnapshot[] }) {
  const t = useT();
  const format = useFormat();
  if (devices.length === 0) return <p className="muted">{t('rooms.noDevices')}</p>;
  return (
    <ul className="devices" aria-label={t('rooms.devices')}>
      {devices.map((device) => (
        <li key={device.deviceId} className={`device device-${device.state}`}>
          <span className="device-name">{device.deviceId}</span>{' '}
          <span className="device-state">{t(DEVICE_STATE_KEY[device.state])}</span>
          {device.since !== null && (
            <span className="muted"> · {t('rooms.since', { time: format.time(device.since) })}</span>
          )}
          {device.lastError !== null && <span className="device-error"> · {device.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}

export function CallSummary({ call }: { call: CallSnapshot }) {
  const t = useT();
  const format = useFormat();
  return (
    <p className="call-summary">
      <span>{t('rooms.inCallSince', { time: format.time(call.startedAt), device: call.deviceId })}</span>{' '}
      <span className={call.callChainId === null ? 'muted' : undefined}>
        {call.callChainId === null ? t('rooms.noTeamsIds') : t('rooms.teamsCall', { id: call.callChainId })}
      </span>
    </p>
  );
}
