import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesFilter, parseCallRecordFilter } from '../../../electron/sim/emulator/odataFilter';
import { buildCallRecordsFilter } from '../../../electron/core/graph/callRecordsApi';
import type { CallRecord } from '../../../shared/graph/callRecords';

const record = (start: string, participants: string[]): CallRecord => ({
  id: 'r', version: 1, type: 'groupCall', modalities: ['audio'], startDateTime: start, endDateTime: start,
  lastModifiedDateTime: start, participants_v2: participants.map((id) => ({ id })),
});

describe('callRecords $filter (graph-api.md §3.2)', () => {
  it.each([
    ['startDateTime ge 2023-09-25T09:25:00Z', 1],
    ['startDateTime ge 2023-09-25T09:25:00Z and startDateTime lt 2023-09-25T09:30:00.1234567+02:00', 2],
    ["participants_v2/any(p:p/id eq '821809f5-0000-0000-0000-3b5136c0e777')", 1],
    ["(startDateTime le 2023-09-25T09:25:00Z) and participants_v2/any(x:x/id eq 'it''s')", 2],
  ])('accepts %s', (text, clauses) => {
    const parsed = parseCallRecordFilter(text);
    expect(parsed.ok && parsed.clauses.length).toBe(clauses);
  });

  it.each([
    "type eq 'groupCall'",
    'startDateTime eq 2023-09-25T09:25:00Z',
    'startDateTime ge 2023-09-25',
    "startDateTime ge '2023-09-25T09:25:00Z'",
    'startDateTime ge 2023-09-25T09:25:00Z or startDateTime lt 2023-09-26T00:00:00Z',
    "participants_v2/any(p:q/id eq 'x')",
    "participants_v2/any(p:p/id eq 'x'",
  ])('refuses %s', (text) => {
    const parsed = parseCallRecordFilter(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('only startDateTime');
  });

  it('matches start times and participants', () => {
    const parsed = parseCallRecordFilter("startDateTime ge 2024-01-01T00:00:00Z and participants_v2/any(p:p/id eq 'A')");
    if (!parsed.ok) throw new Error(parsed.message);
    expect(matchesFilter(record('2024-01-02T00:00:00Z', ['a']), parsed.clauses)).toBe(true);
    expect(matchesFilter(record('2023-12-31T23:59:59Z', ['a']), parsed.clauses)).toBe(false);
    expect(matchesFilter(record('2024-01-02T00:00:00Z', ['b']), parsed.clauses)).toBe(false);
  });

  it('what the client builds, the emulator parses back to the same bounds and participant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.string({ maxLength: 20 }),
        (since, until, participantId) => {
          const text = buildCallRecordsFilter({ since, until, participantId })!;
          const parsed = parseCallRecordFilter(text);
          if (!parsed.ok) return false;
          expect(parsed.clauses).toEqual([
            { kind: 'startDateTime', operator: 'ge', valueMs: since.getTime() },
            { kind: 'startDateTime', operator: 'lt', valueMs: until.getTime() },
            { kind: 'participant', participantId },
          ]);
          return true;
        },
      ),
    );
  });
});
