import { describe, expect, it } from 'vitest';
import type { CallRecordListView } from '../../shared/api/views';
import { createCallRecordsStore } from '../../renderer/src/stores/callRecords';
import { createFakeApi, ok } from './fake-api';

const listOf = (ids: string[], fetchedAt: string): CallRecordListView => ({
  availability: 'ok',
  stale: false,
  fetchedAt,
  items: ids.map((id) => ({ id, startDateTime: fetchedAt, endDateTime: fetchedAt, type: 'groupCall', modalities: ['audio'], participantNames: [], reportIds: [] })),
});

describe('call-records store', () => {
  it('an explicit Refresh wins over a background load: loading until its list is shown, then the change read again', async () => {
    const fake = createFakeApi();
    const store = createCallRecordsStore(fake.client);
    let answer = listOf(['old'], '2026-01-01T06:00:00Z');
    let resolveRefresh: (() => void) | undefined;
    fake.respond('listCallRecords', (req) =>
      req.refresh === true
        ? new Promise((resolve) => {
            resolveRefresh = () => resolve(ok(listOf(['old', 'new'], '2026-01-01T06:14:00Z')));
          })
        : ok(answer),
    );
    await store.getState().load();
    const refreshing = store.getState().load({ refresh: true });
    expect(store.getState().list.status).toBe('loading');
    // A pushed change arrives while Graph is being read: the cached answer must not end the spinner.
    answer = listOf(['old', 'new', 'newer'], '2026-01-01T06:14:00Z');
    const background = store.getState().load();
    await Promise.resolve();
    expect(store.getState().list.status).toBe('loading');
    resolveRefresh!();
    await refreshing;
    await background;
    const list = store.getState().list;
    expect(list.status === 'ready' && list.value.items.map((item) => item.id)).toEqual(['old', 'new', 'newer']);
    expect(fake.callsTo('listCallRecords').map((req) => req.refresh === true)).toEqual([false, true, false]);
  });
});
