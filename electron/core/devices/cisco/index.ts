export { createCiscoCollector } from './collector';
export type { CallEndedEvent, CiscoCollector, CiscoCollectorOptions, CiscoDeviceConfig, DeviceStateEvent, PollOutcome } from './collector';
export { createXmlClient, DeviceRequestError } from './http';
export type { XmlClient, XmlClientOptions } from './http';
export { createSampleMapper, channelToSample, lossPercentOf, modalityOf, directionOf } from './mapping';
export { CiscoXmlError, parseCallStatus, parseMediaChannels, parseSystemUnit } from './xml';
export type { CiscoCall, CiscoChannel, CiscoMediaCall, CiscoNetstat, CiscoSystemUnit } from './xml';
export { testCiscoDevice, type DeviceTestInput, type DeviceTestResult } from './test-device';
