/**
 * The simulated Cisco codec, for tests and the demo. It needs the dev dependency `selfsigned`: import it
 * only from test, demo or CLI code paths, never from the production agent's static import graph.
 */
export { startCiscoSimulator } from './server';
export type { CiscoSimulator, CiscoSimulatorOptions, SimulatorFault } from './server';
export { generateScenario, generateCallScript, TICK_MS } from './scenario';
export type { CallScript, ChannelName, Impairment, Scenario } from './scenario';
export type { ExpectedCall, ExpectedChannel } from './expected';
export type { Firmware } from './channels';
export { createSimulatedCodec } from './codec';
export { renderCallStatus, renderMediaChannels, renderSystemUnit } from './render';
