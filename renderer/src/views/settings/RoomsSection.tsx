/**
 * Rooms and their devices: each device's kind (Cisco xAPI, Poly VideoOS) with its own fields (host URL,
 * user, password, self-signed TLS option or a pinned certificate, poll interval; Cisco: the connection).
 * Saved as one `rooms` patch; a device password is write-only: empty keeps the stored one, a new device
 * needs one.
 */
import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/api/requests';
import type { RoomSettingsView, SettingsView } from '../../../../shared/api/views';
import { CISCO_TRANSPORTS, DEVICE_KINDS, type CiscoTransport, type DeviceKind } from '../../../../shared/config/schema';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useStores } from '../../stores/provider';
import { isLocked, useSectionForm, type SectionForm } from './form';
import { SaveStatus } from './SaveStatus';
import { DeviceTest } from './DeviceTest';

interface DeviceDraft {
  key: number;
  isNew: boolean;
  kind: DeviceKind;
  transport: CiscoTransport;
  certificateSha256: string;
  id: string;
  url: string;
  username: string;
  password: string;
  passwordSet: boolean;
  allowSelfSigned: boolean;
  pollSeconds: string;
}

interface RoomDraft {
  key: number;
  isNew: boolean;
  id: string;
  name: string;
  /** The room's Teams resource account (UPN or object id); empty when none. */
  teamsRoomAccount: string;
  devices: DeviceDraft[];
}

let nextKey = 1;

function draftsOf(rooms: readonly RoomSettingsView[]): RoomDraft[] {
  return rooms.map((room) => ({
    key: nextKey++,
    isNew: false,
    id: room.id,
    name: room.name,
    teamsRoomAccount: room.teamsRoomAccount ?? '',
    devices: room.devices.map((device) => ({
      key: nextKey++,
      isNew: false,
      kind: device.kind,
      transport: device.transport ?? 'auto',
      certificateSha256: device.certificateSha256 ?? '',
      id: device.id,
      url: device.url,
      username: device.username,
      password: '',
      passwordSet: device.passwordSet,
      allowSelfSigned: device.allowSelfSigned,
      pollSeconds: String(device.pollSeconds),
    })),
  }));
}

function toPatch(drafts: readonly RoomDraft[]): SettingsPatch {
  return {
    rooms: drafts.map((room) => ({
      id: room.id.trim(),
      name: room.name,
      ...(room.teamsRoomAccount.trim() !== '' ? { teamsRoomAccount: room.teamsRoomAccount.trim() } : {}),
      devices: room.devices.map((device) => ({
        id: device.id.trim(),
        kind: device.kind,
        url: device.url.trim(),
        username: device.username,
        ...(device.password !== '' ? { password: device.password } : {}),
        allowSelfSigned: device.allowSelfSigned,
        ...(device.certificateSha256.trim() !== '' ? { certificateSha256: device.certificateSha256.trim() } : {}),
        ...(device.kind === 'cisco-xapi' && device.transport !== 'auto' ? { transport: device.transport } : {}),
        pollSeconds: device.pollSeconds.trim() === '' ? Number.NaN : Number(device.pollSeconds),
      })),
    })),
  };
}

function DeviceEditor({ device, path, form, locked, onChange, onRemove }: { device: DeviceDraft; path: string; form: SectionForm; locked: boolean; onChange(next: DeviceDraft): void; onRemove(): void }) {
  const t = useT();
  const text = (field: 'id' | 'url' | 'username', label: string, hint?: string) => (
    <Field label={label} error={form.errorFor(`${path}.${field}`)} locked={locked} hint={hint}>
      {(control) => (
        <input
          {...control}
          value={device[field]}
          spellCheck={false}
          readOnly={locked || (field === 'id' && !device.isNew)}
          onChange={(event) => onChange({ ...device, [field]: event.target.value })}
          onBlur={() => form.touch(`${path}.${field}`)}
        />
      )}
    </Field>
  );
  return (
    <fieldset className="device-editor">
      <legend>{t(device.kind === 'poly-videoos' ? 'settings.polyCodec' : 'settings.ciscoCodec', { id: device.id || t('settings.newDevice') })}</legend>
      <Field label={t('settings.deviceKind')} error={form.errorFor(`${path}.kind`)} locked={locked}>
        {(control) => (
          <select {...control} value={device.kind} disabled={locked} onChange={(event) => onChange({ ...device, kind: DEVICE_KINDS.find((kind) => kind === event.target.value) ?? device.kind })}>
            {DEVICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`settings.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('id', t('settings.deviceId'))}
      {text('url', t('settings.deviceUrl'), t('settings.deviceUrlHint'))}
      {text('username', t('settings.deviceUser'))}
      <Field label={t('settings.devicePassword')} error={form.errorFor(`${path}.password`)} locked={locked} hint={device.passwordSet ? t('settings.secretSet') : t('settings.secretNotSet')}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={device.password} onChange={(event) => onChange({ ...device, password: event.target.value })} onBlur={() => form.touch(`${path}.password`)} />
        )}
      </Field>
      <Field label={t('settings.pollSeconds')} error={form.errorFor(`${path}.pollSeconds`)} locked={locked}>
        {(control) => (
          <input {...control} type="number" min={1} max={300} value={device.pollSeconds} onChange={(event) => onChange({ ...device, pollSeconds: event.target.value })} onBlur={() => form.touch(`${path}.pollSeconds`)} />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={device.allowSelfSigned} disabled={locked} onChange={(event) => onChange({ ...device, allowSelfSigned: event.target.checked })} />
        {t('settings.allowSelfSigned')}
      </label>
      <Field label={t('settings.certificateSha256')} error={form.errorFor(`${path}.certificateSha256`)} locked={locked} hint={t('settings.certificateSha256Hint')}>
        {(control) => (
          <input {...control} value={device.certificateSha256} spellCheck={false} readOnly={locked} onChange={(event) => onChange({ ...device, certificateSha256: event.target.value })} onBlur={() => form.touch(`${path}.certificateSha256`)} />
        )}
      </Field>
      {device.kind === 'cisco-xapi' && (
        <Field label={t('settings.transport')} error={form.errorFor(`${path}.transport`)} locked={locked}>
          {(control) => (
            <select {...control} value={device.transport} disabled={locked} onChange={(event) => onChange({ ...device, transport: CISCO_TRANSPORTS.find((transport) => transport === event.target.value) ?? device.transport })}>
              {CISCO_TRANSPORTS.map((transport) => (
                <option key={transport} value={transport}>
                  {t(`settings.transport.${transport}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <DeviceTest device={device} />
      {!locked && (
        <button type="button" className="danger" onClick={onRemove}>
          {t('settings.removeDevice')}
        </button>
      )}
    </fieldset>
  );
}

export function RoomsSection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings, rooms } = useStores();
  const locked = isLocked(view.managedKeys, 'rooms');
  const [drafts, setDrafts] = useState(() => draftsOf(view.rooms));
  const patch = toPatch(drafts);

  const extra: Record<string, string> = {};
  const seen = new Set<string>();
  drafts.forEach((room, roomIndex) => {
    if (seen.has(room.id.trim())) extra[`rooms[${roomIndex}].id`] = t('settings.duplicateId');
    seen.add(room.id.trim());
    room.devices.forEach((device, deviceIndex) => {
      if (device.isNew && device.password === '') extra[`rooms[${roomIndex}].devices[${deviceIndex}].password`] = t('settings.passwordRequired');
    });
  });
  const form = useSectionForm(patch, extra);

  const updateRoom = (index: number, next: RoomDraft) => setDrafts(drafts.map((room, i) => (i === index ? next : room)));

  return (
    <section className="card settings-section" aria-labelledby="settings-rooms">
      <h2 id="settings-rooms">{t('settings.rooms')}</h2>
      {locked && <p className="field-locked-note">{t('settings.managed')}</p>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.trySubmit()) return;
          void settings
            .getState()
            .update('rooms', patch)
            .then((result) => {
              if (!result.ok) return form.showServerError(result.error);
              setDrafts(draftsOf(result.value.rooms));
              // The live list learns about added and removed rooms from a complete reload.
              void rooms.getState().reload();
            });
        }}
      >
        {drafts.length === 0 && <p className="muted">{t('settings.noRooms')}</p>}
        {drafts.map((room, roomIndex) => (
          <fieldset key={room.key} className="room-editor">
            <legend>{room.name || t('settings.newRoom')}</legend>
            <Field label={t('settings.roomId')} error={form.errorFor(`rooms[${roomIndex}].id`)} locked={locked} hint={t('settings.roomIdHint')}>
              {(control) => (
                <input {...control} value={room.id} spellCheck={false} readOnly={locked || !room.isNew} onChange={(event) => updateRoom(roomIndex, { ...room, id: event.target.value })} onBlur={() => form.touch(`rooms[${roomIndex}].id`)} />
              )}
            </Field>
            <Field label={t('settings.roomName')} error={form.errorFor(`rooms[${roomIndex}].name`)} locked={locked}>
              {(control) => <input {...control} value={room.name} onChange={(event) => updateRoom(roomIndex, { ...room, name: event.target.value })} onBlur={() => form.touch(`rooms[${roomIndex}].name`)} />}
            </Field>
            <Field label={t('settings.teamsRoomAccount')} error={form.errorFor(`rooms[${roomIndex}].teamsRoomAccount`)} locked={locked} hint={t('settings.teamsRoomAccountHint')}>
              {(control) => (
                <input {...control} value={room.teamsRoomAccount} spellCheck={false} onChange={(event) => updateRoom(roomIndex, { ...room, teamsRoomAccount: event.target.value })} onBlur={() => form.touch(`rooms[${roomIndex}].teamsRoomAccount`)} />
              )}
            </Field>
            {room.devices.map((device, deviceIndex) => (
              <DeviceEditor
                key={device.key}
                device={device}
                path={`rooms[${roomIndex}].devices[${deviceIndex}]`}
                form={form}
                locked={locked}
                onChange={(next) => updateRoom(roomIndex, { ...room, devices: room.devices.map((d, i) => (i === deviceIndex ? next : d)) })}
                onRemove={() => updateRoom(roomIndex, { ...room, devices: room.devices.filter((_, i) => i !== deviceIndex) })}
              />
            ))}
            {!locked && (
              <div className="form-actions">
                <button
                  type="button"
                  onClick={() =>
                    updateRoom(roomIndex, {
                      ...room,
                      devices: [...room.devices, { key: nextKey++, isNew: true, kind: 'cisco-xapi', transport: 'auto', certificateSha256: '', id: '', url: 'https://', username: '', password: '', passwordSet: false, allowSelfSigned: false, pollSeconds: '5' }],
                    })
                  }
                >
                  {t('settings.addDevice')}
                </button>
                <button type="button" className="danger" onClick={() => setDrafts(drafts.filter((_, i) => i !== roomIndex))}>
                  {t('settings.removeRoom')}
                </button>
              </div>
            )}
          </fieldset>
        ))}
        {!locked && (
          <div className="form-actions">
            <button type="button" onClick={() => setDrafts([...drafts, { key: nextKey++, isNew: true, id: '', name: '', teamsRoomAccount: '', devices: [] }])}>
              {t('settings.addRoom')}
            </button>
            <button type="submit">{t('settings.saveRooms')}</button>
            <SaveStatus section="rooms" />
          </div>
        )}
      </form>
    </section>
  );
}
