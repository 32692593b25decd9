/**
 * The instruments of ../shared/design/contracts.md "Telemetry", all observable: one batch callback reads the sources once
 * per collection. Gauges carry the last value (a leg's last interval), so a leg whose call ended is simply
 * not observed and its points stop (readers use delta temporality for gauges, see temporality.ts).
 * Units are UCUM in the instrument, never in the name; the Prometheus names add them (prometheus-names.ts).
 */
import type { Attributes, Meter, ObservableGauge } from '@opentelemetry/api';
import type { LegStatsSnapshot, Modality, RoomSnapshot } from '../../../shared/domain/legs';
import { DELIVERY_OUTCOMES, type TelemetrySources } from './sources';

export const METER_NAME = 'vtc-quality-monitor';

/** name → unit and description; the order is the order of the contract's table. */
export const INSTRUMENTS = {
  packetLoss: { name: 'vtc.media.packet_loss', unit: '%', description: 'Packet loss of the leg over the last interval' },
  jitter: { name: 'vtc.media.jitter', unit: 's', description: 'Jitter of the leg' },
  roundTrip: { name: 'vtc.media.round_trip', unit: 's', description: 'Round-trip time of the leg' },
  bitRate: { name: 'vtc.media.bit_rate', unit: 'bit/s', description: 'Bit rate of the leg' },
  frameRate: { name: 'vtc.media.frame_rate', unit: '{frame}/s', description: 'Frame rate of the leg (video and screen sharing)' },
  poor: { name: 'vtc.media.poor', unit: '1', description: '1 while the leg is classified poor, else 0' },
  deviceUp: { name: 'vtc.device.up', unit: '1', description: '1 while the device answers, else 0' },
  outboxReports: { name: 'vtc.outbox.reports', unit: '{report}', description: 'Reports in the outbox by state' },
  deliveries: { name: 'vtc.sync.deliveries', unit: '{report}', description: 'Delivery attempts to Microsoft Graph by outcome' },
} as const;

const MEDIA_TYPE: Record<Modality, string> = { audio: 'audio', video: 'video', screenSharing: 'screen_sharing' };

/** Leg attributes of the contract (no call id: it would make a new series per call). */
function legAttributes(room: RoomSnapshot, leg: LegStatsSnapshot): Attributes {
  return {
    'vtc.room.id': room.roomId,
    'vtc.room.name': room.roomName,
    'vtc.device.id': leg.key.deviceId,
    'vtc.media.type': MEDIA_TYPE[leg.key.modality],
    'vtc.media.direction': leg.key.direction,
    'vtc.media.channel': leg.key.channelIndex,
  };
}

export function registerInstruments(meter: Meter, sources: TelemetrySources): void {
  const gauge = (spec: { name: string; unit: string; description: string }): ObservableGauge => meter.createObservableGauge(spec.name, { unit: spec.unit, description: spec.description });
  const loss = gauge(INSTRUMENTS.packetLoss);
  const jitter = gauge(INSTRUMENTS.jitter);
  const roundTrip = gauge(INSTRUMENTS.roundTrip);
  const bitRate = gauge(INSTRUMENTS.bitRate);
  const frameRate = gauge(INSTRUMENTS.frameRate);
  const poor = gauge(INSTRUMENTS.poor);
  const deviceUp = gauge(INSTRUMENTS.deviceUp);
  const outboxReports = gauge(INSTRUMENTS.outboxReports);
  const deliveries = meter.createObservableCounter(INSTRUMENTS.deliveries.name, { unit: INSTRUMENTS.deliveries.unit, description: INSTRUMENTS.deliveries.description });

  meter.addBatchObservableCallback(
    (observer) => {
      for (const room of sources.rooms()) {
        for (const device of room.devices) {
          const attributes = { 'vtc.room.id': room.roomId, 'vtc.room.name': room.roomName, 'vtc.device.id': device.deviceId, 'vtc.device.kind': sources.deviceKind(device.deviceId) ?? 'ingest' };
          observer.observe(deviceUp, device.state === 'online' ? 1 : 0, attributes);
        }
        for (const call of room.activeCalls) {
          for (const leg of call.legs) {
            const attributes = legAttributes(room, leg);
            const observe = (instrument: ObservableGauge, value: number | null, divisor = 1): void => {
              if (value !== null) observer.observe(instrument, value / divisor, attributes);
            };
            observe(loss, leg.lossPercent.current);
            observe(jitter, leg.jitterMs.current, 1000); // ms → s
            observe(roundTrip, leg.roundTripMs.current, 1000);
            observe(bitRate, leg.bitRate.current);
            observe(frameRate, leg.frameRate.current);
            observer.observe(poor, leg.classification === 'poor' ? 1 : 0, attributes);
          }
        }
      }
      for (const [state, count] of Object.entries(sources.outboxCounts())) observer.observe(outboxReports, count, { 'vtc.report.state': state });
      const tally = sources.deliveries();
      for (const outcome of DELIVERY_OUTCOMES) observer.observe(deliveries, tally[outcome], { outcome });
    },
    [loss, jitter, roundTrip, bitRate, frameRate, poor, deviceUp, outboxReports, deliveries],
  );
}
