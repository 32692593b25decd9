/**
 * Native Microsoft Teams Rooms calls (a Cisco codec running the Teams client): Teams measures them itself, so
 * the codec lists no media channels and the app has no legs for them. A room shows the call as such rather
 * than a media-leg table or "no call".
 */
import type { DeviceSnapshot } from '../../../../shared/domain/legs';
import { useFormat, useT } from '../../i18n';

/** The devices of a room that are in a Teams Rooms call now. */
export function teamsRoomsDevices(devices: readonly DeviceSnapshot[]): DeviceSnapshot[] {
  return devices.filter((device) => device.teamsRoomsCallSince !== undefined);
}

export function TeamsRoomsCalls({ devices }: { devices: readonly DeviceSnapshot[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      {teamsRoomsDevices(devices).map((device) => (
        <p key={device.deviceId} className="notice teams-rooms-call" role="status">
          {t('rooms.teamsRoomsCall', { device: device.deviceId, time: format.time(device.teamsRoomsCallSince) })}
        </p>
      ))}
    </>
  );
}
