import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/src/shell/StatusBar';
import { createFakeApi, ok, syncStatus } from './fake-api';
import { Started, renderWithApi } from './render';

describe('Status bar: storage problem', () => {
  it('announces that reports cannot be stored, with how many are kept', async () => {
    const fake = createFakeApi();
    const message = 'The disk of the data directory is full (SQLITE_FULL): reports cannot be stored. 2 measured reports are kept in memory and will be stored and sent once it does.';
    fake.respond('getSyncStatus', () => ok({ ...syncStatus({ state: 'idle' }), storage: { kind: 'disk_full', code: 'SQLITE_FULL', message, since: '2026-01-01T00:00:00.000Z', waitingReports: 2 } }));
    renderWithApi(
      <Started>
        <StatusBar />
      </Started>,
      fake,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });
});
