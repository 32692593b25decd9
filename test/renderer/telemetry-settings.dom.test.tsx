/**
 * The fleet-monitoring section of Settings: turning the OTLP export and the Prometheus endpoint on saves the
 * `telemetry` patch, a bad endpoint is named next to its field before anything is sent, "Test export" shows
 * the collector's answer, and a `telemetry` block from the administrator's file locks the whole section.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView';
import { createFakeApi, ok, settingsView, type FakeApi } from './fake-api';
import { Started, renderWithApi } from './render';

function renderSettings(setup?: (fake: FakeApi) => void) {
  const fake = createFakeApi();
  setup?.(fake);
  renderWithApi(
    <Started>
      <SettingsView />
    </Started>,
    fake,
  );
  return fake;
}

const section = () => screen.findByRole('region', { name: 'Fleet monitoring (OpenTelemetry)' });

describe('Settings: fleet monitoring', () => {
  it('saves the OTLP export and the Prometheus endpoint as the telemetry patch, after naming a bad endpoint', async () => {
    const fake = renderSettings();
    const region = await section();
    fireEvent.click(within(region).getByLabelText('Export to an OpenTelemetry Collector'));
    const endpoint = within(region).getByLabelText('Collector endpoint');
    fireEvent.change(endpoint, { target: { value: 'collector:4318' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Save fleet monitoring' }));
    expect(await within(region).findByText(/must be an http\(s\) URL/)).toBeTruthy();
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('updateSettings')).toEqual([]);

    fireEvent.change(endpoint, { target: { value: 'http://collector:4318' } });
    fireEvent.change(within(region).getByLabelText('Export interval (seconds)'), { target: { value: '30' } });
    fireEvent.click(within(region).getByLabelText('Serve a Prometheus scrape endpoint on this PC'));
    fireEvent.click(within(region).getByRole('button', { name: 'Save fleet monitoring' }));
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')).toEqual([{ telemetry: { otlp: { endpoint: 'http://collector:4318', protocol: 'http/json', intervalSeconds: 30 }, prometheus: { port: 9464 } } }]),
    );
  });

  it('names every Save button in Settings after what it saves', async () => {
    renderSettings();
    await section();
    const saveButtons = screen.getAllByRole('button').filter((b) => /^save\b/i.test(b.textContent ?? ''));
    expect(saveButtons.length).toBeGreaterThan(1);
    for (const button of saveButtons) expect(button.textContent?.trim()).not.toBe('Save');
    expect(screen.getByRole('button', { name: 'Save fleet monitoring' })).toBeTruthy();
  });

  it('Test export sends to the endpoint being edited and shows the collector’s answer', async () => {
    const fake = renderSettings((f) =>
      f.respond('testTelemetryExport', ({ endpoint }) => ok({ ok: false, endpoint: `${endpoint}/v1/metrics`, message: 'the collector answered HTTP 401: missing API key', pointCount: 40, durationMs: 12 })),
    );
    const region = await section();
    fireEvent.click(within(region).getByLabelText('Export to an OpenTelemetry Collector'));
    fireEvent.change(within(region).getByLabelText('Collector endpoint'), { target: { value: 'http://collector:4318' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Test export' }));
    const answer = await within(region).findByText('Not sent to http://collector:4318/v1/metrics: the collector answered HTTP 401: missing API key');
    expect(answer.getAttribute('role')).toBe('status');
    expect(fake.callsTo('testTelemetryExport')).toEqual([{ endpoint: 'http://collector:4318', protocol: 'http/json' }]);
  });

  it('is read-only when the administrator’s file sets telemetry, and names the headers without their values', async () => {
    renderSettings((f) =>
      f.respond('getSettings', () =>
        ok(settingsView({ managedKeys: ['telemetry'], telemetry: { otlp: { endpoint: 'https://otel.example:4318', protocol: 'http/json', intervalSeconds: 10, headerNames: ['x-api-key'] }, prometheus: null } })),
      ),
    );
    const region = await section();
    expect((within(region).getByLabelText('Collector endpoint') as HTMLInputElement).readOnly).toBe(true);
    expect((within(region).getByLabelText('Export to an OpenTelemetry Collector') as HTMLInputElement).disabled).toBe(true);
    expect(within(region).getByText('Headers from the configuration file: x-api-key')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Save fleet monitoring' })).toBeNull();
  });
});
