import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getApiClient } from '../../renderer/src/api/client';
import { App } from '../../renderer/src/App';
import { createFakeApi, emptyCounts, fail, ok, settingsView, syncStatus } from './fake-api';
import { detail, leg, room } from './fixtures';
import { wholeRoomsChange } from '../support/room-deltas';
import { renderWithApi } from './render';

/** The text of every level-1 heading: after navigating, exactly the new view's title (the old view is gone). */
const pageTitles = () => screen.queryAllByRole('heading', { level: 1 }).map((heading) => heading.textContent);

describe('App shell', () => {
  it('talks to the Electron preload when window.api exists', () => {
    const fake = createFakeApi();
    window.api = fake.client;
    try {
      expect(getApiClient()).toBe(fake.client);
    } finally {
      delete window.api;
    }
  });

  it('navigates between the four views with labelled navigation', async () => {
    renderWithApi(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Rooms' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('button', { name: 'Outbox' }));
    await screen.findByRole('heading', { level: 1, name: 'Outbox' });
    expect(pageTitles()).toEqual(['Outbox']);
    expect(within(nav).getByRole('button', { name: 'Outbox' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('button', { name: 'Call records' }));
    await screen.findByRole('heading', { level: 1, name: 'Call records' });
    expect(pageTitles()).toEqual(['Call records']);
    fireEvent.click(within(nav).getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(pageTitles()).toEqual(['Settings']);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows a prominent DEMO badge while the demo runs', async () => {
    const fake = createFakeApi();
    fake.respond('getAppInfo', () => ok({ version: '0.1.0', transport: 'web', demo: true }));
    renderWithApi(<App />, fake);
    const badge = await screen.findByRole('note');
    expect(badge.textContent).toContain('DEMO');
    expect(badge.textContent).toContain('Simulated rooms');
    await waitFor(() => expect(document.title).toBe('DEMO · VTC Quality Monitor'));
  });

  it('shows no DEMO badge for a real installation', async () => {
    const fake = createFakeApi();
    renderWithApi(<App />, fake);
    await waitFor(() => expect(fake.callsTo('getAppInfo')).toHaveLength(1));
    expect(screen.queryByText('DEMO')).toBeNull();
  });

  it('shows sync state, backlog and the last error in the status bar, and pauses sending', async () => {
    const fake = createFakeApi();
    fake.respond(
      'getSyncStatus',
      () =>
        ok(
          syncStatus({
            state: 'running',
            counts: { ...emptyCounts(), pending: 40, needs_context: 2, failed: 3 },
            lastError: { at: '2025-03-10T09:00:00Z', code: 'TooManyRequests', message: 'Throttled', httpStatus: 429 },
          }),
        ),
    );
    renderWithApi(<App />, fake);
    const bar = await screen.findByRole('contentinfo', { name: 'Sync status' });
    await waitFor(() => expect(bar.textContent).toContain('Sending: running'));
    expect(bar.textContent).toContain('Waiting to send: 42');
    expect(bar.textContent).toContain('3 failed — needs action');
    expect(bar.textContent).toContain('TooManyRequests Throttled');
    // Cut with an ellipsis on a narrow bar: the whole text stays in the tooltip (and the DOM, for screen readers).
    expect(within(bar).getByTitle(/^Last error: .* · TooManyRequests Throttled$/).textContent).toContain('TooManyRequests Throttled');
    fireEvent.click(within(bar).getByRole('button', { name: 'Pause sending' }));
    await waitFor(() => expect(fake.callsTo('setSyncPaused')).toEqual([{ paused: true }]));
    expect((await within(bar).findByRole('button', { name: 'Resume sending' })).hasAttribute('disabled')).toBe(false);
    expect(within(bar).queryByRole('button', { name: 'Pause sending' })).toBeNull();
    // A send that succeeded after the error makes it history: the bar stops showing it.
    act(() =>
      fake.emit(
        'syncStatus',
        syncStatus({ state: 'idle', lastSuccessAt: '2025-03-10T09:05:00Z', lastError: { at: '2025-03-10T09:00:00Z', code: 'TooManyRequests', message: 'Throttled', httpStatus: 429 } }),
      ),
    );
    expect(bar.textContent).not.toContain('TooManyRequests');
    // The core's pushes replace it; the reason is worded from the pause's cause in the operator's language,
    // the core's English sentence stays as the state's tooltip.
    act(() => fake.emit('syncStatus', syncStatus({ state: 'setup_needed', reason: 'No tenant configured', pause: { cause: 'not_configured' } })));
    expect(bar.textContent).toContain('Sending: setup needed · the Graph connection is not set up (Settings)');
    expect(within(bar).getByTitle('No tenant configured').textContent).toContain('setup needed');
  });

  it('shows the status bar error when the sync status is unavailable', async () => {
    const fake = createFakeApi();
    fake.respond('getSyncStatus', () => fail('not_ready', 'starting'));
    renderWithApi(<App />, fake);
    const bar = await screen.findByRole('contentinfo', { name: 'Sync status' });
    await waitFor(() => expect(bar.textContent).toContain('Sync status unavailable. starting'));
  });

  it('starts the demo from the first-run flow and reloads every store from the demo core', async () => {
    const fake = createFakeApi();
    fake.respond('getSettings', () => ok(settingsView({ tenantId: undefined, clientId: undefined, credential: { type: 'none' }, rooms: [] })));
    renderWithApi(<App />, fake);
    const demo = await screen.findByRole('article', { name: 'Try the demo' });
    expect(demo.textContent).toContain('npm run demo');
    const roomsLoadsBefore = fake.callsTo('getRooms').length;
    fake.respond('startDemo', () => {
      fake.respond('getAppInfo', () => ok({ version: '0.1.0', transport: 'web', demo: true }));
      fake.respond('getSettings', () => ok(settingsView()));
      return ok({ version: '0.1.0', transport: 'web', demo: true });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start the demo' }));
    await waitFor(() => expect(fake.callsTo('startDemo')).toHaveLength(1));
    await waitFor(() => expect(fake.callsTo('getRooms').length).toBeGreaterThan(roomsLoadsBefore));
    expect((await screen.findByRole('note')).textContent).toContain('DEMO');
    await screen.findByRole('heading', { level: 1, name: 'Rooms' });
    expect(pageTitles()).toEqual(['Rooms']);
  });

  it('says why the demo could not start, next to the button', async () => {
    const fake = createFakeApi();
    fake.respond('getSettings', () => ok(settingsView({ tenantId: undefined, clientId: undefined, credential: { type: 'none' }, rooms: [] })));
    fake.respond('startDemo', () => fail('unavailable', 'The demo is not available in this installation'));
    renderWithApi(<App />, fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Start the demo' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The demo is not available in this installation');
  });

  it('offers a setup flow on first run that leads to Settings or can be skipped', async () => {
    const fake = createFakeApi();
    fake.respond('getSettings', () => ok(settingsView({ tenantId: undefined, clientId: undefined, credential: { type: 'none' }, rooms: [] })));
    renderWithApi(<App />, fake);
    await screen.findByRole('heading', { name: 'Welcome to VTC Quality Monitor' });
    // The first run shows the setup alone, not an empty Rooms view behind it.
    expect(pageTitles()).toEqual(['Welcome to VTC Quality Monitor']);
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(pageTitles()).toEqual(['Settings']);
    fireEvent.click(screen.getByRole('button', { name: 'Rooms' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Skip for now' }));
    await screen.findByRole('heading', { level: 1, name: 'Rooms' });
    expect(pageTitles()).toEqual(['Rooms']);
  });

  it('opens the view the core asks for (a clicked notification)', async () => {
    const fake = createFakeApi();
    fake.respond('getReport', ({ id }) => ok(detail({ id })));
    renderWithApi(<App />, fake);
    await waitFor(() => expect(fake.listenerCount('navigate')).toBe(1));
    act(() => fake.emit('navigate', { view: 'outbox', id: 'report-9' }));
    await screen.findByRole('heading', { level: 1, name: 'Outbox' });
    expect(pageTitles()).toEqual(['Outbox']);
    await waitFor(() => expect(fake.callsTo('getReport')).toEqual([{ id: 'report-9' }]));
  });

  it('announces a room that turned poor, and opens it', async () => {
    const fake = createFakeApi();
    fake.respond('getRooms', () => ok([room('boardroom', 'Boardroom')]));
    renderWithApi(<App />, fake);
    await waitFor(() => expect(fake.listenerCount('roomsChanged')).toBe(1));
    const poor = room('boardroom', 'Boardroom', { classification: 'poor', legs: [leg({ lossPercent: 12, classification: 'poor', samples: 6 })] });
    act(() => fake.emit('roomsChanged', wholeRoomsChange(1, [poor])));
    const alerts = await screen.findByRole('region', { name: 'Room alerts' });
    expect(alerts.textContent).toContain('Boardroom is poor Audio · inbound: Packet loss 12% (threshold 10%)');
    fireEvent.click(within(alerts).getByRole('button', { name: 'Open room: Boardroom' }));
    await screen.findByRole('heading', { level: 1, name: 'Boardroom' });
  });

  it('unsubscribes from every event when unmounted', async () => {
    const fake = createFakeApi();
    const { unmount } = renderWithApi(<App />, fake);
    await waitFor(() => expect(fake.listenerCount('roomsChanged')).toBe(1));
    unmount();
    for (const event of ['roomsChanged', 'syncStatus', 'alert', 'navigate', 'reportsChanged', 'callRecordsChanged'] as const) {
      expect(fake.listenerCount(event)).toBe(0);
    }
  });
});
