/**
 * The simulated Poly VideoOS codec, for tests and the demo. It needs the dev dependency `selfsigned`
 * (through the Cisco simulator's certificate): import it only from test, demo or CLI code paths.
 */
export { startPolySimulator, type PolySimulator, type PolySimulatorOptions } from './server';
export { generatePolyCallScript, POLY_TICK_MS, type PolyCallScript, type PolyImpairment, type PolyScenario, type PolyStreamName } from './scenario';
export { createSimulatedPolyCodec, type PolyExpectedCall, type PolyExpectedStream, type PolyMediaStatBody } from './codec';
