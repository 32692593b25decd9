import { obj } from '../../../shared/json';
/**
 * Which of the app's two application permissions a token carries (../shared/reference/graph-api.md §1.1: logTeleconference-
 * DeviceQuality needs Calls.AccessMedia.All; §3.1: callRecords need CallRecords.Read.All). App-only tokens
 * list granted application permissions in the `roles` claim; a missing one means admin consent is missing.
 * The payload is decoded without verifying the signature: the client only reads its own token, and
 * Graph tokens are not meant to be verified by clients anyway.
 */
export const REQUIRED_PERMISSIONS = ['Calls.AccessMedia.All', 'CallRecords.Read.All'] as const;
export type GraphPermission = (typeof REQUIRED_PERMISSIONS)[number];

export interface PermissionReport {
  granted: GraphPermission[];
  missing: GraphPermission[];
  /** Every role in the token, including ones this app does not need. */
  roles: string[];
}

/** The JWT payload as an object, or undefined when the token is not a JWT. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return obj(parsed);
  } catch {
    return undefined;
  }
}

export function rolesOf(accessToken: string): string[] {
  const roles = decodeJwtPayload(accessToken)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

export function checkPermissions(accessToken: string): PermissionReport {
  const roles = rolesOf(accessToken);
  return {
    granted: REQUIRED_PERMISSIONS.filter((permission) => roles.includes(permission)),
    missing: REQUIRED_PERMISSIONS.filter((permission) => !roles.includes(permission)),
    roles,
  };
}
