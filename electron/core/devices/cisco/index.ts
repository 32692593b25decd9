import type { DeviceKindDefinition } from '../types';
import { createCiscoCollector } from './collector';
import { testCiscoDevice } from './test-device';

/** Cisco CE / RoomOS codecs through the xAPI: the `cisco-xapi` device kind. */
export const ciscoXapiKind: DeviceKindDefinition = {
  kind: 'cisco-xapi',
  label: 'Cisco RoomOS / CE (xAPI)',
  createCollector: (device, context) =>
    createCiscoCollector({
      device: { id: device.id, url: device.url, username: device.username, password: device.password, allowSelfSigned: device.allowSelfSigned, certificateSha256: device.certificateSha256, pollSeconds: device.pollSeconds },
      ...context,
    }),
  test: testCiscoDevice,
};

export { createCiscoCollector } from './collector';
export type { CallEndedEvent, CiscoCollector, CiscoCollectorOptions, CiscoDeviceConfig, DeviceStateEvent, PollOutcome } from './collector';
export { createXmlClient, DeviceRequestError } from './http';
export type { XmlClient, XmlClientOptions } from './http';
export { createSampleMapper, channelToSample, lossPercentOf, modalityOf, directionOf } from './mapping';
export { CiscoXmlError, parseCallStatus, parseMediaChannels, parseSystemUnit } from './xml';
export { testCiscoDevice } from './test-device';
