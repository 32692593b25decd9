/**
 * The demo's simulated rooms: one fake Cisco codec per room (HTTPS, self-signed, Basic auth), ticking in
 * real time, calls looping. Firmware and product alternate so both xAPI shapes (CE 9, RoomOS 11) are shown.
 */
import { startCiscoSimulator, type CiscoSimulator } from '../cisco-codec';
import type { RoomConfig } from '../../../shared/config/schema';

const ROOM_NAMES = ['Boardroom', 'Huddle North', 'Training Room', 'Executive Suite', 'Lab 2', 'Studio', 'Atrium', 'War Room'];
const PRODUCTS = [
  { productId: 'Cisco Room Kit Pro', firmware: 'roomos11' },
  { productId: 'Cisco SX80', firmware: 'ce9' },
  { productId: 'Cisco Room Bar', firmware: 'roomos11' },
  { productId: 'Cisco Codec Plus', firmware: 'roomos11' },
] as const;

export interface DemoRoom {
  config: RoomConfig;
  simulator: CiscoSimulator;
  deviceId: string;
}

export function demoRoomName(index: number): string {
  const base = ROOM_NAMES[index % ROOM_NAMES.length] as string;
  return index < ROOM_NAMES.length ? base : `${base} ${Math.floor(index / ROOM_NAMES.length) + 1}`;
}

/** `tickMs`: real time per 5-second codec interval; below 5,000 the demo runs faster than life. */
export async function startDemoRooms(options: { count: number; seed: number; tickMs: number; pollSeconds: number }): Promise<DemoRoom[]> {
  const rooms: DemoRoom[] = [];
  try {
    for (let index = 0; index < options.count; index += 1) {
      const product = PRODUCTS[index % PRODUCTS.length]!;
      const simulator = await startCiscoSimulator({ seed: options.seed * 1_000 + index, loop: true, productId: product.productId, firmware: product.firmware });
      simulator.startAutoTick(options.tickMs);
      const roomId = `room-${index + 1}`;
      const deviceId = `codec-${index + 1}`;
      rooms.push({
        simulator,
        deviceId,
        config: {
          id: roomId,
          name: demoRoomName(index),
          devices: [
            {
              id: deviceId,
              kind: 'cisco-xapi',
              url: simulator.url,
              username: simulator.username,
              password: simulator.password,
              allowSelfSigned: true,
              pollSeconds: options.pollSeconds,
            },
          ],
        },
      });
    }
  } catch (error) {
    await Promise.all(rooms.map((room) => room.simulator.close()));
    throw error;
  }
  return rooms;
}
