/** The demo: emulator + simulated rooms + gateway. Imports the simulator (dev dependency `selfsigned`): load it lazily. */
export { startDemoWorld, demoConfig, DEMO_MANAGED_KEYS, type DemoOptions, type DemoWorld } from './demo';
export { startDemoGateway, type DemoGateway } from './gateway';
export { startDemoRooms, demoRoomName, type DemoRoom } from './rooms';
export { startDemoCore, type DemoCore } from './demo-core';
