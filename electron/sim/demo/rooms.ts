/**
 * The demo's simulated rooms: one fake codec per room, ticking in real time, calls looping. Every fourth
 * room holds a Poly Studio X (poly-videoos, REST sessions); the others Cisco codecs (HTTPS, self-signed,
 * Basic auth) whose firmware and product alternate so both xAPI shapes (CE 9, RoomOS 11) are shown.
 * `demo --rooms 4` → 3 Cisco rooms and 1 Poly room.
 */
import { startCiscoSimulator } from '../cisco-codec';
import { startPolySimulator } from '../poly-codec';
import type { DeviceConfig, RoomConfig } from '../../../shared/config/schema';

const ROOM_NAMES = ['Boardroom', 'Huddle North', 'Training Room', 'Executive Suite', 'Lab 2', 'Studio', 'Atrium', 'War Room'];
const CISCO_PRODUCTS = [
  { productId: 'Cisco Room Kit Pro', firmware: 'roomos11' },
  { productId: 'Cisco SX80', firmware: 'ce9' },
  { productId: 'Cisco Room Bar', firmware: 'roomos11' },
] as const;
const POLY_MODELS = ['StudioX50', 'G7500'] as const;

/** What the demo and its gateway need of a simulated codec, whatever its vendor. */
export interface DemoCodec {
  url: string;
  username: string;
  password: string;
  currentCallId(): string | undefined;
  close(): Promise<void>;
}

export interface DemoRoom {
  config: RoomConfig;
  simulator: DemoCodec;
  deviceId: string;
  kind: DeviceConfig['kind'];
}

export function demoRoomName(index: number): string {
  const base = ROOM_NAMES[index % ROOM_NAMES.length] as string;
  return index < ROOM_NAMES.length ? base : `${base} ${Math.floor(index / ROOM_NAMES.length) + 1}`;
}

async function startRoomCodec(index: number, seed: number, tickMs: number): Promise<{ simulator: DemoCodec; kind: DeviceConfig['kind'] }> {
  if (index % 4 === 3) {
    const simulator = await startPolySimulator({ seed, loop: true, model: POLY_MODELS[Math.floor(index / 4) % POLY_MODELS.length], xsrf: true });
    simulator.startAutoTick(tickMs);
    return { simulator, kind: 'poly-videoos' };
  }
  const product = CISCO_PRODUCTS[(index - Math.floor(index / 4)) % CISCO_PRODUCTS.length]!;
  // RoomOS rooms speak the WebSocket xAPI; the CE 9 SX80 has it off, as shipped (auto falls back to HTTP).
  const simulator = await startCiscoSimulator({ seed, loop: true, productId: product.productId, firmware: product.firmware, websocket: product.firmware === 'roomos11' });
  simulator.startAutoTick(tickMs);
  return { simulator, kind: 'cisco-xapi' };
}

/** `tickMs`: real time per 5-second codec interval; below 5,000 the demo runs faster than life. */
export async function startDemoRooms(options: { count: number; seed: number; tickMs: number; pollSeconds: number }): Promise<DemoRoom[]> {
  const rooms: DemoRoom[] = [];
  try {
    for (let index = 0; index < options.count; index += 1) {
      const { simulator, kind } = await startRoomCodec(index, options.seed * 1_000 + index, options.tickMs);
      const roomId = `room-${index + 1}`;
      const deviceId = `codec-${index + 1}`;
      rooms.push({
        simulator,
        deviceId,
        kind,
        config: {
          id: roomId,
          name: demoRoomName(index),
          devices: [
            {
              id: deviceId,
              kind,
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
