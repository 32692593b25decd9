import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReportSummary } from '../../shared/api/views';
import { OutboxView } from '../../renderer/src/views/outbox/OutboxView';
import { createFakeApi, emptyCounts, fail, ok, syncStatus, type FakeApi } from './fake-api';
import { detail, summary } from './fixtures';
import { Started, renderWithApi } from './render';

const CHAIN = '11111111-2222-4333-8444-555555555555';
const PARTICIPANT = '66666666-7777-4888-9999-aaaaaaaaaaaa';

/** The text of each cell of a grid row, by its column header: checks a value landed in the right column. */
function cellsOf(grid: HTMLElement, row: HTMLElement): Record<string, string> {
  const headers = within(grid).getAllByRole('columnheader').map((header) => header.textContent ?? '');
  return Object.fromEntries(within(row).getAllByRole('gridcell').map((cell, index) => [headers[index] ?? String(index), cell.textContent ?? '']));
}

/** A message the view shows after an action, found in a live region so a screen reader announces it. */
async function announced(text: string | RegExp): Promise<HTMLElement> {
  const element = await screen.findByText(text);
  expect(element.closest('[role="status"], [role="alert"]'), `"${element.textContent}" is not in a live region`).not.toBeNull();
  return element;
}

function renderOutbox(setup?: (fake: FakeApi) => void, reportId?: string) {
  const fake = createFakeApi();
  setup?.(fake);
  return renderWithApi(
    <Started>
      <OutboxView reportId={reportId} />
    </Started>,
    fake,
  );
}

describe('Outbox view', () => {
  it('shows loading, then the reports', async () => {
    const fake = createFakeApi();
    const held = fake.hold('listReports');
    renderWithApi(
      <Started>
        <OutboxView />
      </Started>,
      fake,
    );
    expect(screen.getAllByText('Loading reports…').length).toBeGreaterThan(0);
    await act(async () => held.release(ok({ items: [summary(1, { state: 'failed', lastError: { httpStatus: 400, code: 'BadRequest', message: 'bad' } })] })));
    const grid = await screen.findByRole('grid', { name: 'Reports' });
    const row = within(grid).getAllByRole('row')[1]!;
    expect(cellsOf(grid, row)).toMatchObject({ State: 'Failed', 'Last error': '400 BadRequest' });
    expect(screen.queryByText('Loading reports…')).toBeNull();
  });

  it('shows the error from the core with a retry', async () => {
    renderOutbox((f) => f.respond('listReports', () => fail('internal', 'database is locked')));
    const alert = (await announced('database is locked')).closest('[role="alert"]')!;
    expect(within(alert as HTMLElement).getByRole('button', { name: 'Try again' }).hasAttribute('disabled')).toBe(false);
  });

  it('says when no report matches', async () => {
    renderOutbox();
    await screen.findByText('No report matches these filters.');
    expect(screen.queryByRole('grid', { name: 'Reports' })).toBeNull();
  });

  it('shows counts by state and filters the table by the chosen state, room and time', async () => {
    const { fake } = renderOutbox((f) => {
      f.respond('getSyncStatus', () => ok(syncStatus({ counts: { ...emptyCounts(), failed: 3, pending: 12, sent: 1400 } })));
      f.respond('getSettings', () => ok({ ...baseSettings(), rooms: [{ id: 'boardroom', name: 'Boardroom', devices: [] }] }));
      f.respond('listReports', () => ok({ items: [summary(1, { roomId: 'boardroom' })] }));
    });
    const counts = await screen.findByRole('list', { name: /Reports by state/ });
    const sent = await within(counts).findByRole('button', { name: '1,400 Sent' });
    expect(sent.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(within(counts).getByRole('button', { name: '3 Failed' }));
    // The chosen state shows as pressed (the filter in force), the others not.
    await waitFor(() => expect(within(counts).getByRole('button', { name: '3 Failed' }).getAttribute('aria-pressed')).toBe('true'));
    expect(sent.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(fake.callsTo('listReports').at(-1)).toEqual({ limit: 1000, state: 'failed' }));
    // Rows name the room as the operator knows it, not by its id.
    const grid = await screen.findByRole('grid', { name: 'Reports' });
    await waitFor(() => expect(within(grid).getAllByText('Boardroom').length).toBeGreaterThan(0));
    expect(within(grid).queryByText('boardroom')).toBeNull();
    fireEvent.change(screen.getByLabelText('Room'), { target: { value: 'boardroom' } });
    await waitFor(() => expect(fake.callsTo('listReports').at(-1)).toEqual({ limit: 1000, state: 'failed', roomId: 'boardroom' }));
    fireEvent.change(screen.getByLabelText('Created from'), { target: { value: '2025-03-10T08:00' } });
    await waitFor(() => expect(fake.callsTo('listReports').at(-1)?.from).toBe(new Date('2025-03-10T08:00').toISOString()));
  });

  it('renders only a window of 100,000 rows and scrolls through them', async () => {
    const items: ReportSummary[] = Array.from({ length: 100_000 }, (_, i) => summary(i, { roomId: `room-${i}` }));
    renderOutbox((f) => f.respond('listReports', () => ok({ items })));
    const grid = await screen.findByRole('grid', { name: 'Reports' });
    expect(grid.getAttribute('aria-rowcount')).toBe('100001');
    const rendered = () => within(grid).getAllByRole('row').length - 1;
    expect(rendered()).toBeLessThan(40);
    expect(cellsOf(grid, within(grid).getAllByRole('row')[1]!).Room).toBe('room-0');

    // Scrolling halfway renders the rows there, and no more of them: the work does not grow with the list
    // (a row count, not a wall-clock bound, which a loaded machine would break).
    const viewport = grid.querySelector('.vt-viewport')!;
    viewport.scrollTop = 50_000 * 36;
    fireEvent.scroll(viewport);
    const roomsShown = within(grid).getAllByRole('row').slice(1).map((row) => cellsOf(grid, row).Room);
    expect(roomsShown).toContain('room-50000');
    expect(roomsShown).not.toContain('room-0');
    expect(rendered()).toBeLessThan(40);
  });

  it('moves through rows with the keyboard and opens one with Enter', async () => {
    const { fake } = renderOutbox((f) => {
      f.respond('listReports', () => ok({ items: [summary(1), summary(2), summary(3)] }));
      f.respond('getReport', ({ id }) => ok(detail({ id })));
    });
    const grid = await screen.findByRole('grid', { name: 'Reports' });
    const first = within(grid).getAllByRole('row')[1]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await waitFor(() => expect(fake.callsTo('getReport')).toEqual([{ id: 'report-2' }]));
  });

  it('shows a report with its attempts, Graph error, request-id and pretty JSON body', async () => {
    renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id }))), 'report-1');
    const panel = await screen.findByRole('region', { name: 'Report' });
    const attempts = await within(panel).findByRole('list', { name: 'Attempts' });
    const row = within(attempts).getAllByRole('listitem')[0]!;
    // One attempt, one line: its outcome, Graph's status and code, and the request-id support asks for.
    expect(row.textContent).toMatch(/failed.*400.*BadRequest.*req-42/s);
    expect(within(attempts).getAllByRole('listitem')).toHaveLength(detail().attempts.length);
    expect(within(panel).getByText(/refused by Microsoft Graph/).textContent).toMatch(/refused by Microsoft Graph/);
    const body = within(panel).getByLabelText('Report body (JSON)');
    expect(body.textContent).toContain('"deviceName": "Cisco SX80"');
  });

  it('resubmits a failed report with its id', async () => {
    const { fake } = renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id }))), 'report-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Resubmit' }));
    await waitFor(() => expect(fake.callsTo('resubmitReports')).toEqual([{ ids: ['report-1'] }]));
    await announced('Reports resubmitted: 1.');
  });

  it('discards only with a reason and after confirmation', async () => {
    const { fake } = renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id }))), 'report-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Discard…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const reason = screen.getByLabelText('Reason for discarding');
    expect(reason.getAttribute('aria-describedby')).toContain(screen.getByText('A reason is required: it is kept for the audit.').id);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(reason, { target: { value: 'test call, not a real meeting' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('It will never be sent. Reason: “test call, not a real meeting”');
    expect(fake.callsTo('discardReports')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, discard' }));
    await waitFor(() => expect(fake.callsTo('discardReports')).toEqual([{ ids: ['report-1'], reason: 'test call, not a real meeting' }]));
    await announced('Reports discarded: 1.');
  });

  it('validates the Teams ids as GUIDs before attaching them', async () => {
    const { fake } = renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id, state: 'needs_context', failedReason: undefined }))), 'report-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Attach Teams ids…' }));
    const chain = screen.getByLabelText('Teams call chain id (callChainId)');
    const participant = screen.getByLabelText('Participant id (participantId)');
    fireEvent.change(chain, { target: { value: 'not-a-guid' } });
    fireEvent.change(participant, { target: { value: PARTICIPANT } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach' }));
    const message = await screen.findByText(/^must be a GUID/);
    expect(chain.getAttribute('aria-describedby')).toContain(message.id);
    expect(fake.callsTo('attachReportContext')).toEqual([]);
    fireEvent.change(chain, { target: { value: CHAIN } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach' }));
    await waitFor(() => expect(fake.callsTo('attachReportContext')).toEqual([{ ids: ['report-1'], callChainId: CHAIN, participantId: PARTICIPANT }]));
  });

  it('copies the JSON body', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id }))), 'report-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy JSON' }));
    await announced('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(detail().body, null, 2));
  });

  it('copies an attempt request-id for Microsoft support', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderOutbox((f) => f.respond('getReport', ({ id }) => ok(detail({ id }))), 'report-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy the client-request-id of attempt 1' }));
    await announced('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledWith('client-42');
    fireEvent.click(screen.getByRole('button', { name: 'Copy the request-id of attempt 1' }));
    expect(writeText).toHaveBeenLastCalledWith('req-42');
  });

  it('resubmits all failed reports in chunks with progress', async () => {
    let failed = 1500;
    const { fake } = renderOutbox((f) => {
      f.respond('getSyncStatus', () => ok(syncStatus({ counts: { ...emptyCounts(), failed } })));
      f.respond('listReports', (req) => {
        const n = req.state === 'failed' ? Math.min(failed, req.limit ?? 1000) : 0;
        return ok({ items: Array.from({ length: n }, (_, i) => summary(i, { state: 'failed' })) });
      });
    });
    const resubmit = fake.hold('resubmitReports');
    const button = await screen.findByRole('button', { name: 'Resubmit all failed (1,500)' });
    fireEvent.click(button);
    await waitFor(() => expect(fake.callsTo('resubmitReports')).toHaveLength(1));
    failed = 500;
    await act(async () => resubmit.release(ok({ resubmitted: 1000 })));
    const progress = await screen.findByLabelText('Resubmitting: 1,000 of 1,500');
    expect(progress.getAttribute('value')).toBe('1000');
    await waitFor(() => expect(fake.callsTo('resubmitReports')).toHaveLength(2));
    failed = 0;
    await act(async () => resubmit.release(ok({ resubmitted: 500 })));
    await announced('Reports resubmitted: 1,500.');
    expect(fake.callsTo('resubmitReports')[1]).toEqual({ ids: Array.from({ length: 500 }, (_, i) => `report-${i}`) });
  });
});

function baseSettings() {
  return {
    cloud: 'global' as const,
    credential: { type: 'none' as const },
    rooms: [],
    thresholds: {},
    alertCooldownMinutes: 5,
    ingest: { host: '127.0.0.1', port: 8790 },
    launchAtLogin: false,
    doNotDisturb: false,
    managedKeys: [],
  };
}
