import type { DeviceKindDefinition } from '../types';
import { testCiscoDevice } from './test-device';
import { createCiscoDeviceCollector } from './transport';

/** Cisco CE / RoomOS codecs through the xAPI: the `cisco-xapi` device kind. */
export const ciscoXapiKind: DeviceKindDefinition = {
  kind: 'cisco-xapi',
  label: 'Cisco RoomOS / CE (xAPI)',
  createCollector: (device, context) => createCiscoDeviceCollector(device, context),
  test: testCiscoDevice,
};

export { createCiscoCollector } from './collector';
export type { CallEndedEvent, CiscoCollector, CiscoCollectorOptions, CiscoDeviceConfig, DeviceStateEvent, PollOutcome } from './collector';
export { createXmlClient, DeviceRequestError } from './http';
export type { XmlClient, XmlClientOptions } from './http';
export { createSampleMapper, channelToSample, lossPercentOf, modalityOf, directionOf } from './mapping';
export { CiscoXmlError, parseCallStatus, parseMediaChannels, parseSystemUnit } from './xml';
export { testCiscoDevice } from './test-device';
export { createCiscoDeviceCollector, HTTP_FALLBACK_NOTE } from './transport';
export { createCiscoWebSocketCollector, type CiscoWebSocketOptions } from './ws-collector';
export { authSubprotocol, openXapiSocket, WebSocketRefusedError } from './ws-client';
