/** Chaînes de la section télémétrie et de l’état d’export de la barre d’état (voir en-telemetry.ts). */
import type { enTelemetry } from './en-telemetry';

export const frTelemetry: Record<keyof typeof enTelemetry, string> = {
  'telemetry.title': 'Supervision du parc (OpenTelemetry)',
  'telemetry.intro': 'Envoyer la qualité des salles en direct à vos outils d’observabilité : un OpenTelemetry Collector (OTLP/HTTP) et/ou un point de collecte Prometheus sur ce PC. Désactivé sauf si activé ici ou par votre administrateur.',
  'telemetry.otlpOn': 'Exporter vers un OpenTelemetry Collector',
  'telemetry.endpoint': 'Adresse du collecteur',
  'telemetry.endpointHint': 'URL de base comme http://collector:4318 (/v1/metrics est ajouté) ou l’URL complète des métriques.',
  'telemetry.protocol': 'Protocole',
  'telemetry.interval': 'Intervalle d’export (secondes)',
  'telemetry.headers': 'En-têtes du fichier de configuration : {names}',
  'telemetry.noHeaders': 'Les en-têtes (une clé d’API) ne se définissent que dans le fichier de configuration.',
  'telemetry.prometheusOn': 'Servir un point de collecte Prometheus sur ce PC',
  'telemetry.prometheusPort': 'Port Prometheus',
  'telemetry.prometheusHint': 'Servi sur http://127.0.0.1:{port}/metrics (ce PC seulement ; une adresse du réseau local exige le fichier de l’administrateur).',
  'telemetry.save': 'Enregistrer la supervision du parc',
  'telemetry.test': 'Tester l’export',
  'telemetry.testing': 'Export en cours…',
  'telemetry.testOk': 'Envoyé à {endpoint} : {message} ({ms} ms).',
  'telemetry.testFailed': 'Non envoyé à {endpoint} : {message}',
  'telemetry.status.waiting': 'Métriques : premier export en attente',
  'telemetry.status.ok': 'Métriques exportées {time}',
  'telemetry.status.failing': 'Export des métriques en échec : {message}',
  'telemetry.status.buffered': '{count} intervalles en attente',
};
