/** Telemetria-asetusten ja tilapalkin vientitilan merkkijonot (ks. en-telemetry.ts). */
import type { enTelemetry } from './en-telemetry';

export const fiTelemetry: Record<keyof typeof enTelemetry, string> = {
  'telemetry.title': 'Kaluston valvonta (OpenTelemetry)',
  'telemetry.intro': 'Lähetä tilojen reaaliaikainen laatu valvontatyökaluihisi: OpenTelemetry Collectoriin (OTLP/HTTP) ja/tai tämän koneen Prometheus-keruupisteeseen. Pois päältä, ellei sitä kytketä tästä tai ylläpitäjän tiedostossa.',
  'telemetry.otlpOn': 'Vie OpenTelemetry Collectoriin',
  'telemetry.endpoint': 'Collectorin osoite',
  'telemetry.endpointHint': 'Perusosoite kuten http://collector:4318 (/v1/metrics lisätään) tai mittareiden koko osoite.',
  'telemetry.protocol': 'Protokolla',
  'telemetry.interval': 'Vientiväli (sekuntia)',
  'telemetry.headers': 'Otsakkeet asetustiedostosta: {names}',
  'telemetry.noHeaders': 'Otsakkeet (API-avain) asetetaan vain asetustiedostossa.',
  'telemetry.prometheusOn': 'Tarjoa Prometheus-keruupiste tällä koneella',
  'telemetry.prometheusPort': 'Prometheus-portti',
  'telemetry.prometheusHint': 'Osoitteessa http://127.0.0.1:{port}/metrics (vain tämä kone; lähiverkon osoite vaatii ylläpitäjän tiedoston).',
  'telemetry.save': 'Tallenna kaluston valvonta',
  'telemetry.test': 'Testaa vienti',
  'telemetry.testing': 'Viedään…',
  'telemetry.testOk': 'Lähetetty: {endpoint}: {message} ({ms} ms).',
  'telemetry.testFailed': 'Ei lähetetty: {endpoint}: {message}',
  'telemetry.status.waiting': 'Mittarit: ensimmäinen vienti odottaa',
  'telemetry.status.ok': 'Mittarit viety {time}',
  'telemetry.status.failing': 'Mittareiden vienti epäonnistuu: {message}',
  'telemetry.status.buffered': '{count} väliä odottaa',
};
