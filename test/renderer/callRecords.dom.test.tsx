import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallRecordListView, ReportBody } from '../../shared/api/views';
import type { CallRecord } from '../../shared/graph/callRecords';
import { App } from '../../renderer/src/App';
import { CallRecordsView } from '../../renderer/src/views/callRecords/CallRecordsView';
import { createFakeApi, fail, ok, type FakeApi } from './fake-api';
import { detail } from './fixtures';
import { Started, renderWithApi } from './render';

const RECORD_ID = 'e523d2ed-2966-4b6b-925b-754a88034cc5';

function listView(overrides: Partial<CallRecordListView> = {}): CallRecordListView {
  return {
    availability: 'ok',
    stale: false,
    fetchedAt: '2025-03-10T10:00:00Z',
    items: [
      {
        id: RECORD_ID,
        startDateTime: '2025-03-10T09:00:00Z',
        endDateTime: '2025-03-10T09:30:00Z',
        type: 'groupCall',
        modalities: ['audio', 'video', 'screenSharing'],
        participantNames: ['Boardroom', 'Adele Vance', 'Megan Bowen', 'Alex Wilber'],
        reportIds: ['report-1'],
      },
    ],
    ...overrides,
  };
}

const record: CallRecord = {
  id: RECORD_ID,
  version: 1,
  type: 'groupCall',
  modalities: ['audio'],
  startDateTime: '2025-03-10T09:00:00Z',
  endDateTime: '2025-03-10T09:30:00Z',
  lastModifiedDateTime: '2025-03-10T09:31:00Z',
  organizer_v2: { id: 'o1', identity: { user: { displayName: 'Adele Vance' } } },
  participants_v2: [{ id: 'p1', identity: { user: { displayName: 'Adele Vance' } } }, { id: 'p2', identity: { device: { displayName: 'Boardroom' } } }],
  sessions: [
    {
      id: 's1',
      modalities: ['audio'],
      startDateTime: '2025-03-10T09:00:00Z',
      endDateTime: '2025-03-10T09:30:00Z',
      caller: { associatedIdentity: { displayName: 'Boardroom' } },
      callee: { associatedIdentity: { displayName: 'Adele Vance' } },
      segments: [
        {
          id: 'seg1',
          startDateTime: '2025-03-10T09:00:00Z',
          endDateTime: '2025-03-10T09:30:00Z',
          media: [
            {
              label: 'main-audio',
              streams: [
                { streamId: '1', streamDirection: 'callerToCallee', averagePacketLossRate: 0.0138, maxPacketLossRate: 0.05, averageJitter: 'PT0.015S', maxJitter: 'PT0.04S', averageRoundTripTime: 'PT0.08S', maxRoundTripTime: 'PT0.2S', audioCodec: 'opus' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const reportBody: ReportBody = {
  '@odata.type': '#microsoft.graph.teleconferenceDeviceQuality',
  callChainId: RECORD_ID,
  deviceName: 'Cisco SX80',
  deviceDescription: 'Boardroom',
  mediaQualityList: [
    {
      '@odata.type': '#microsoft.graph.teleconferenceDeviceAudioQuality',
      channelIndex: 1,
      averageInboundPacketLossRateInPercentage: 1.5,
      maximumInboundPacketLossRateInPercentage: 4,
      averageInboundJitter: 'PT0.02S',
      maximumInboundJitter: 'PT0.05S',
      averageOutboundPacketLossRateInPercentage: 0.2,
    },
  ],
};

/** A table row's cells by their column header: checks each value is in its column, in the units it names. */
function columns(table: HTMLElement, row: HTMLElement): Record<string, string> {
  const headers = [...table.querySelectorAll('thead th')].map((header) => header.textContent ?? '');
  return Object.fromEntries([...row.querySelectorAll('th, td')].map((cell, index) => [headers[index] ?? String(index), cell.textContent ?? '']));
}

/** A message in a live region (status or alert), so a screen reader announces it. */
const inLiveRegion = (element: HTMLElement) => element.closest('[role="status"], [role="alert"], output') !== null;

function renderList(setup?: (fake: FakeApi) => void) {
  const fake = createFakeApi();
  setup?.(fake);
  return renderWithApi(
    <Started>
      <CallRecordsView />
    </Started>,
    fake,
  );
}

describe('Call records view', () => {
  it('shows loading, then the recent calls with the room report link', async () => {
    const fake = createFakeApi();
    const held = fake.hold('listCallRecords');
    renderWithApi(
      <Started>
        <CallRecordsView />
      </Started>,
      fake,
    );
    expect(inLiveRegion(screen.getByText('Loading call records…'))).toBe(true);
    await act(async () => held.release(ok(listView())));
    const table = await screen.findByRole('table', { name: 'Recent call records' });
    const row = within(table).getAllByRole('row')[1]!;
    const cells = columns(table, row);
    expect(cells).toMatchObject({ Duration: '30 min', Type: 'Group call', Modalities: 'Audio, Video, Screen sharing' });
    expect(cells.Participants).toMatch(/^Boardroom, Adele Vance, Megan Bowen.*\+1/);
    expect(within(row).getByRole('button', { name: 'View report' }).closest('td')?.textContent).toBe(cells['Room’s report']);
    expect(fake.callsTo('listCallRecords')).toEqual([{ sinceHours: 24 }]);
  });

  it('shows an error from the core', async () => {
    renderList((f) => f.respond('listCallRecords', () => fail('internal', 'cache unreadable')));
    expect(inLiveRegion(await screen.findByText('cache unreadable'))).toBe(true);
    expect(screen.queryByRole('table', { name: 'Recent call records' })).toBeNull();
  });

  it('says when there was no call', async () => {
    renderList((f) => f.respond('listCallRecords', () => ok(listView({ items: [] }))));
    await screen.findByText('No Teams call in this period.');
    expect(screen.queryByRole('table', { name: 'Recent call records' })).toBeNull();
  });

  it('names the missing permission', async () => {
    renderList((f) => f.respond('listCallRecords', () => ok(listView({ availability: 'missing_permission', items: [], message: 'Graph answered 403 Forbidden' }))));
    const notice = (await screen.findByText('Admin consent needed for CallRecords.Read.All.')).closest('[role="status"]');
    // The permission to grant and Graph's own words, in one announced notice.
    expect(notice?.textContent).toContain('Graph answered 403 Forbidden');
  });

  it('explains records that are not available yet', async () => {
    renderList((f) => f.respond('listCallRecords', () => ok(listView({ availability: 'not_available_yet', items: [] }))));
    expect(inLiveRegion(await screen.findByText(/Not available yet: Microsoft creates a call record after the call ends/))).toBe(true);
  });

  it('keeps showing the cached list when offline, saying so', async () => {
    renderList((f) => f.respond('listCallRecords', () => ok(listView({ availability: 'offline', stale: true }))));
    expect(inLiveRegion(await screen.findByText('Offline: Microsoft Graph cannot be reached.'))).toBe(true);
    expect(screen.getByText(/Offline: showing the list cached at/).textContent).toMatch(/cached at .*\d/);
    // The cached rows stay on screen, not an empty view.
    expect(within(screen.getByRole('table', { name: 'Recent call records' })).getAllByRole('row').length).toBeGreaterThan(1);
  });

  it('asks Graph again when the period changes or on refresh', async () => {
    const { fake } = renderList((f) => f.respond('listCallRecords', () => ok(listView())));
    await screen.findByRole('table', { name: 'Recent call records' });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '720' } });
    await waitFor(() => expect(fake.callsTo('listCallRecords').at(-1)).toEqual({ sinceHours: 720 }));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(fake.callsTo('listCallRecords').at(-1)).toEqual({ sinceHours: 720, refresh: true }));
  });

  it('opens a record: sessions, segments, streams beside the room report, units converted', async () => {
    const fake = createFakeApi();
    fake.respond('listCallRecords', () => ok(listView()));
    fake.respond('getCallRecord', () => ok({ availability: 'ok', stale: false, record, reports: [detail({ body: reportBody, state: 'sent', failedReason: undefined })] }));
    renderWithApi(<App />, fake);
    fireEvent.click(await screen.findByRole('button', { name: 'Call records' }));
    fireEvent.click(await screen.findByRole('button', { name: /Open the call of/ }));
    await waitFor(() => expect(fake.callsTo('getCallRecord')).toEqual([{ id: RECORD_ID }]));

    const graph = (await screen.findByRole('heading', { name: 'Teams (Microsoft Graph)' })).parentElement!;
    expect(within(graph).getByText('Adele Vance', { selector: 'dd' }).previousElementSibling?.tagName).toBe('DT');
    expect(within(graph).getByText(/Session 1: Boardroom → Adele Vance/).textContent).toMatch(/^Session 1: Boardroom → Adele Vance/);
    const streams = within(graph).getByRole('table', { name: 'Media main-audio' });
    const stream = within(streams).getAllByRole('row')[1]!;
    // 0.0138 is a fraction in callRecords: 1.38 %; durations are ISO 8601: 15 ms.
    expect(columns(streams, stream)).toMatchObject({
      'Loss avg / max (%)': '1.38% / 5%',
      'Jitter avg / max (ms)': '15 ms / 40 ms',
      'Round trip avg / max (ms)': '80 ms / 200 ms',
    });

    const report = screen.getByRole('heading', { name: 'This room’s report' }).parentElement!;
    const items = within(report).getByRole('table', { name: 'Media quality sent by the room' });
    // The VTC report is already in percent: 1.5 stays 1.5 %.
    const inbound = within(items).getByRole('row', { name: /Audio 1 · inbound/ });
    expect(columns(items, inbound)).toMatchObject({ 'Loss avg / max (%)': '1.5% / 4%', 'Jitter avg / max (ms)': '20 ms / 50 ms' });
  });

  it('explains an expired record', async () => {
    const fake = createFakeApi();
    fake.respond('getCallRecord', () => ok({ availability: 'expired', stale: false, reports: [] }));
    renderWithApi(
      <Started>
        <CallRecordsView recordId={RECORD_ID} />
      </Started>,
      fake,
    );
    expect(inLiveRegion(await screen.findByText('Expired: Microsoft Graph keeps call records for 30 days.'))).toBe(true);
    // Said where Teams' numbers would be, beside the room's side.
    expect(screen.getByRole('heading', { name: 'Teams (Microsoft Graph)' }).parentElement!.textContent).toContain('The call record is not available.');
  });
});
