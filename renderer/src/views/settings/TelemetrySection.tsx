/**
 * Fleet monitoring: OTLP export to an OpenTelemetry Collector and the Prometheus scrape endpoint, locked as
 * a whole when the administrator's file sets `telemetry`. "Test export" sends the current metrics once to
 * the endpoint being edited and shows the collector's answer. Collector headers (usually an API key) are
 * only named here: their values come from the configuration file.
 */
import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/api/requests';
import type { TelemetryTestView } from '../../../../shared/api/telemetry';
import type { AppError } from '../../../../shared/api/result';
import type { SettingsView } from '../../../../shared/api/views';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useStores } from '../../stores/provider';
import { isLocked, useSectionForm } from './form';
import { SaveStatus } from './SaveStatus';

type TestState = { status: 'idle' } | { status: 'testing' } | { status: 'done'; value: TelemetryTestView } | { status: 'error'; error: AppError };
type Protocol = 'http/json' | 'http/protobuf';

const DEFAULT_INTERVAL_S = 10;
const DEFAULT_PROMETHEUS_PORT = 9464;
const numberOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function TelemetrySection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const locked = isLocked(view.managedKeys, 'telemetry');
  const saved = view.telemetry ?? { otlp: null, prometheus: null };
  const [otlpOn, setOtlpOn] = useState(saved.otlp !== null);
  const [endpoint, setEndpoint] = useState(saved.otlp?.endpoint ?? '');
  const [protocol, setProtocol] = useState<Protocol>(saved.otlp?.protocol ?? 'http/json');
  const [interval, setIntervalText] = useState(String(saved.otlp?.intervalSeconds ?? DEFAULT_INTERVAL_S));
  const [prometheusOn, setPrometheusOn] = useState(saved.prometheus !== null);
  const [port, setPort] = useState(String(saved.prometheus?.port ?? DEFAULT_PROMETHEUS_PORT));
  const [test, setTest] = useState<TestState>({ status: 'idle' });

  const patch: SettingsPatch = locked
    ? {}
    : {
        telemetry: {
          otlp: otlpOn ? { endpoint: endpoint.trim(), protocol, intervalSeconds: numberOrNaN(interval) } : null,
          prometheus: prometheusOn ? { port: numberOrNaN(port) } : null,
        },
      };
  const form = useSectionForm(patch);
  const headerNames = saved.otlp?.headerNames ?? [];

  const runTest = async (): Promise<void> => {
    setTest({ status: 'testing' });
    const result = await settings.getState().testTelemetryExport({ endpoint: endpoint.trim(), protocol });
    setTest(result.ok ? { status: 'done', value: result.value } : { status: 'error', error: result.error });
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-telemetry">
      <h2 id="settings-telemetry">{t('telemetry.title')}</h2>
      <p className="muted">{t('telemetry.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.trySubmit()) return;
          void settings
            .getState()
            .update('telemetry', patch)
            .then((result) => {
              if (!result.ok) form.showServerError(result.error);
            });
        }}
      >
        <Field label={t('telemetry.otlpOn')} locked={locked} className="field-checkbox">
          {({ readOnly, ...control }) => <input {...control} type="checkbox" disabled={readOnly} checked={otlpOn} onChange={(event) => setOtlpOn(event.target.checked)} />}
        </Field>
        {otlpOn && (
          <>
            <Field label={t('telemetry.endpoint')} locked={locked} hint={t('telemetry.endpointHint')} error={form.errorFor('telemetry.otlp.endpoint')}>
              {(control) => (
                <input {...control} type="url" inputMode="url" spellCheck={false} value={endpoint} placeholder="http://collector:4318" onChange={(event) => setEndpoint(event.target.value)} onBlur={() => form.touch('telemetry.otlp.endpoint')} />
              )}
            </Field>
            <Field label={t('telemetry.protocol')} locked={locked} error={form.errorFor('telemetry.otlp.protocol')}>
              {({ readOnly, ...control }) => (
                <select {...control} disabled={readOnly} value={protocol} onChange={(event) => setProtocol(event.target.value === 'http/protobuf' ? 'http/protobuf' : 'http/json')}>
                  <option value="http/json">http/json</option>
                  <option value="http/protobuf">http/protobuf</option>
                </select>
              )}
            </Field>
            <Field label={t('telemetry.interval')} locked={locked} error={form.errorFor('telemetry.otlp.intervalSeconds')}>
              {(control) => <input {...control} type="number" min={1} max={3600} value={interval} onChange={(event) => setIntervalText(event.target.value)} onBlur={() => form.touch('telemetry.otlp.intervalSeconds')} />}
            </Field>
            <p className="muted">{headerNames.length > 0 ? t('telemetry.headers', { names: headerNames.join(', ') }) : t('telemetry.noHeaders')}</p>
            <div className="device-test">
              <button type="button" disabled={test.status === 'testing' || endpoint.trim() === ''} onClick={() => void runTest()}>
                {test.status === 'testing' ? t('telemetry.testing') : t('telemetry.test')}
              </button>
              <span role="status" className={test.status === 'done' && test.value.ok ? 'ok' : test.status === 'done' || test.status === 'error' ? 'error' : undefined}>
                {test.status === 'done' &&
                  (test.value.ok
                    ? t('telemetry.testOk', { endpoint: test.value.endpoint, message: test.value.message, ms: String(test.value.durationMs) })
                    : t('telemetry.testFailed', { endpoint: test.value.endpoint, message: test.value.message }))}
                {test.status === 'error' && (test.error.details?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') || test.error.message)}
              </span>
            </div>
          </>
        )}
        <Field label={t('telemetry.prometheusOn')} locked={locked} className="field-checkbox">
          {({ readOnly, ...control }) => <input {...control} type="checkbox" disabled={readOnly} checked={prometheusOn} onChange={(event) => setPrometheusOn(event.target.checked)} />}
        </Field>
        {prometheusOn && (
          <Field label={t('telemetry.prometheusPort')} locked={locked} hint={t('telemetry.prometheusHint', { port })} error={form.errorFor('telemetry.prometheus.port')}>
            {(control) => <input {...control} type="number" min={1} max={65535} value={port} onChange={(event) => setPort(event.target.value)} onBlur={() => form.touch('telemetry.prometheus.port')} />}
          </Field>
        )}
        <div className="form-actions">
          {!locked && <button type="submit">{t('telemetry.save')}</button>}
          <SaveStatus section="telemetry" />
        </div>
      </form>
    </section>
  );
}
