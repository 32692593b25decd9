/** The status bar shows the metrics export only when it is on: its last success, or why it fails. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/src/shell/StatusBar';
import { createFakeApi, ok, syncStatus } from './fake-api';
import { Started, renderWithApi } from './render';

describe('Status bar: metrics export', () => {
  it('says nothing while off, then the failure with the intervals waiting, then the recovery', async () => {
    const fake = createFakeApi();
    fake.respond('getSyncStatus', () => ok({ ...syncStatus({ state: 'idle' }), telemetry: { otlp: 'off', bufferedIntervals: 0, droppedIntervals: 0 } }));
    renderWithApi(
      <Started>
        <StatusBar />
      </Started>,
      fake,
    );
    await screen.findByText(/Waiting to send/);
    expect(screen.queryByText(/Metrics/)).toBeNull();
    const base = { endpoint: 'http://collector:4318/v1/metrics', intervalSeconds: 10, droppedIntervals: 0 };
    act(() =>
      fake.emit('syncStatus', {
        ...syncStatus({ state: 'idle' }),
        telemetry: { ...base, otlp: 'failing', bufferedIntervals: 4, lastError: { at: '2026-01-01T10:00:00Z', message: 'the collector answered HTTP 401: bad key' } },
      }),
    );
    expect(screen.getByText('Metrics export failing: the collector answered HTTP 401: bad key · 4 intervals waiting')).toBeTruthy();
    act(() => fake.emit('syncStatus', { ...syncStatus({ state: 'idle' }), telemetry: { ...base, otlp: 'ok', bufferedIntervals: 0, lastExportAt: '2026-01-01T10:01:00Z' } }));
    expect(screen.getByText(/^Metrics exported /)).toBeTruthy();
    expect(screen.queryByText(/Metrics export failing/)).toBeNull();
  });
});
