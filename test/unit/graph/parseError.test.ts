import { describe, expect, it } from 'vitest';
import { graphErrorFromFetchFailure, graphErrorFromResponse, type FailedResponse } from '../../../electron/core/graph/parseError';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function failed(status: number, body: unknown, headers: Record<string, string> = {}, extra: Partial<FailedResponse> = {}): FailedResponse {
  return {
    status,
    statusText: 'x',
    headers: new Headers(headers),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    clientRequestId: 'sent-id',
    receivedAtMs: NOW,
    ...extra,
  };
}

describe('graphErrorFromResponse (graph-api.md §4)', () => {
  it('reads code, message and ids from Graph error JSON', () => {
    const error = graphErrorFromResponse(
      failed(400, { error: { code: 'BadRequest', message: 'bad', innerError: { 'request-id': 'r-1', 'client-request-id': 'c-1', date: '2026-11-23T12:00:00' } } }),
    );
    expect(error.toInfo()).toEqual({
      kind: 'http', status: 400, code: 'BadRequest', message: 'bad', requestId: 'r-1', clientRequestId: 'c-1',
      retryAfterMs: undefined, retryable: false, missingPermission: undefined,
    });
  });

  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '315' }, 315_000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' }, 5000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 11:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('Retry-After %j → %s ms', (headers, expected) => {
    expect(graphErrorFromResponse(failed(429, { error: { code: 'TooManyRequests', message: 'm' } }, headers)).retryAfterMs).toBe(expected);
  });

  it.each([
    [408, true], [429, true], [500, true], [503, true], [504, true], [400, false], [401, false], [403, false], [404, false], [415, false],
  ])('status %i retryable: %s', (status, retryable) => {
    expect(graphErrorFromResponse(failed(status, '')).retryable).toBe(retryable);
  });

  it('a body that is not Graph JSON still gives a code and the sent client-request-id', () => {
    const error = graphErrorFromResponse(failed(502, '<html>Bad gateway</html>'));
    expect(error).toMatchObject({ code: 'HTTP502', clientRequestId: 'sent-id' });
    expect(error.message).toContain('not Graph error JSON');
  });

  it('403 names the missing permission when the token lacks the role or the message names it', () => {
    const body = { error: { code: 'Forbidden', message: 'Authorization has been denied for this request.' } };
    const byRoles = graphErrorFromResponse(failed(403, body, {}, { requiredPermission: 'Calls.AccessMedia.All', tokenRoles: ['CallRecords.Read.All'] }));
    expect(byRoles.missingPermission).toBe('Calls.AccessMedia.All');
    expect(byRoles.message).toMatch(/^missing permission Calls\.AccessMedia\.All/);
    const granted = graphErrorFromResponse(failed(403, body, {}, { requiredPermission: 'Calls.AccessMedia.All', tokenRoles: ['Calls.AccessMedia.All'] }));
    expect(granted.missingPermission).toBeUndefined();
    const byMessage = graphErrorFromResponse(
      failed(403, { error: { code: 'Forbidden', message: 'needs CallRecords.Read.All' } }, {}, { requiredPermission: 'CallRecords.Read.All' }),
    );
    expect(byMessage.missingPermission).toBe('CallRecords.Read.All');
  });
});

describe('graphErrorFromFetchFailure', () => {
  const context = { clientRequestId: 'c', timedOut: false, aborted: false, timeoutMs: 100 };
  it('timeout, abort and network are told apart, all retryable', () => {
    expect(graphErrorFromFetchFailure(new Error('x'), { ...context, timedOut: true })).toMatchObject({ kind: 'timeout', retryable: true });
    expect(graphErrorFromFetchFailure(new Error('x'), { ...context, aborted: true })).toMatchObject({ kind: 'network', code: 'aborted' });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });
    expect(graphErrorFromFetchFailure(refused, context)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', retryable: true, clientRequestId: 'c' });
  });
});
