/**
 * Device kinds by config `kind` (README "Adding a device kind"). The rest of the app asks this registry
 * for a collector or a device test and never names a vendor.
 */
import type { DeviceKind } from '../../../shared/config/schema';
import { ciscoXapiKind } from './cisco';
import { polyVideoOsKind } from './poly';
import type { DeviceKindDefinition } from './types';

export const DEVICE_KIND_REGISTRY: Readonly<Record<DeviceKind, DeviceKindDefinition>> = Object.freeze({
  'cisco-xapi': ciscoXapiKind,
  'poly-videoos': polyVideoOsKind,
});

export function deviceKind(kind: DeviceKind): DeviceKindDefinition {
  return DEVICE_KIND_REGISTRY[kind];
}
