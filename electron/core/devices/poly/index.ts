/** Poly VideoOS (G7500, Studio X) over its local REST API: the `poly-videoos` device kind. */
import type { DeviceKindDefinition } from '../types';
import { createPolyCollector } from './collector';
import { testPolyDevice } from './test-device';

export const polyVideoOsKind: DeviceKindDefinition = {
  kind: 'poly-videoos',
  label: 'Poly VideoOS (REST)',
  createCollector: (device, context) => createPolyCollector(device, context, { minPollSeconds: context.minPollSeconds }),
  test: testPolyDevice,
};

export { createPolyCollector, POLY_MIN_POLL_SECONDS, type PolyCollector, type PolyCollectorOptions } from './collector';
export { testPolyDevice } from './test-device';
export { deviceNameOf, parseConferences, parseContentStats, parseMediaStats, parseSystem, statsToSamples, PolyShapeError } from './api';
export { createPolySession, type PolySession } from './session';
