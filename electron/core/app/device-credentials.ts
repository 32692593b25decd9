/**
 * Where a stored device password may go. The UI never holds a stored password, so "Test device" and a
 * settings save without a typed one fall back to the stored one; that fallback is only safe towards the
 * address and user name it was stored for, trusted as it was stored. Otherwise anyone who can reach the API
 * (a web UI tab) could point a saved device at their own listener and receive `Authorization: Basic
 * user:password`, or, keeping the address, accept any self-signed certificate (or pin their own) and
 * read it from a machine in the middle.
 */
import { normaliseCertificateSha256 } from '../../../shared/config/schema';
import type { ValidationIssue } from '../../../shared/validation';

export interface DeviceEndpoint {
  url: string;
  username: string;
  /** How the device's certificate is trusted (absent: as stored, for callers that do not change it). */
  allowSelfSigned?: boolean;
  certificateSha256?: string;
}

/**
 * Same URL (as the URL parser normalises it: case of scheme and host, default port, trailing `/`) and user,
 * and a certificate trusted no more loosely: self-signed certificates not newly allowed, the pinned
 * fingerprint unchanged (a new pin, even where there was none, trusts a certificate no CA vouched for).
 */
export function sameDeviceEndpoint(stored: DeviceEndpoint, requested: DeviceEndpoint): boolean {
  return (
    stored.username === requested.username &&
    normalisedUrl(stored.url) !== undefined &&
    normalisedUrl(stored.url) === normalisedUrl(requested.url) &&
    !(requested.allowSelfSigned === true && stored.allowSelfSigned !== true) &&
    normalisedPin(requested.certificateSha256) === normalisedPin(stored.certificateSha256)
  );
}

function normalisedPin(pin: string | undefined): string | undefined {
  return pin === undefined ? undefined : normaliseCertificateSha256(pin);
}

function normalisedUrl(value: string): string | undefined {
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

interface PatchedRoom {
  devices: ReadonlyArray<DeviceEndpoint & { id: string; password?: string }>;
}

/**
 * A settings save that moves a saved device (new URL or user name) or trusts its certificate more loosely
 * must carry its password: one issue per such device, located at its `password`.
 */
export function devicesNeedingPassword(saved: ReadonlyArray<DeviceEndpoint & { id: string }>, rooms: readonly PatchedRoom[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  rooms.forEach((room, roomIndex) => {
    room.devices.forEach((device, deviceIndex) => {
      if (device.password) return;
      const before = saved.find((candidate) => candidate.id === device.id);
      if (before && !sameDeviceEndpoint(before, device)) {
        issues.push({
          path: `rooms[${roomIndex}].devices[${deviceIndex}].password`,
          message: 'is required when the address, the user name or the certificate trust changes (the saved password is only sent to the saved device, trusted as saved)',
        });
      }
    });
  });
  return issues;
}
