/**
 * One browser tab's WebSocket: turns `{ id, method, req }` into a dispatch call and answers `{ id, result }`;
 * forwards pushed events as `{ event, payload }`. A malformed message gets an `invalid_input` result, never
 * an exception. Memory per tab is bounded:
 * - `roomsChanged` (the only high-rate event, up to 2 Hz) is one push in flight at a time: while one is still
 *   on its way to a slow tab, the newer ones are merged into one waiting push (mergeRoomsChanges: numbered as
 *   the pushes it stands for, applying it equals applying them in order), so the tab stays in sequence and
 *   needs no full getRooms re-read (~2.3 MB with 24 rooms), and what waits is bounded by the rooms' size;
 * - anything else sent while more than `maxBufferedBytes` wait for the tab closes it; the page reconnects
 *   and reloads its state.
 */
import { WebSocket, type RawData } from 'ws';
import type { AppEventArgs } from '../../../shared/api/contract';
import { fail, type Result } from '../../../shared/api/result';
import type { RoomsChange } from '../../../shared/domain/legs';
import { mergeRoomsChanges } from '../../../shared/domain/room-delta';
import type { Dispatch } from '../api/dispatch';
import type { Logger } from '../log/logger';
import { parseClientMessage } from './guards/client-message';

export interface ClientConnectionOptions {
  dispatch: Dispatch;
  log?: Logger;
  /** Calls of one tab answered concurrently; more are refused (a page never needs many). */
  maxInFlightCalls: number;
  /** Bytes waiting for a tab beyond which it is cut off as too slow. */
  maxBufferedBytes: number;
}

export class ClientConnection {
  private inFlightCalls = 0;
  private roomsPushInFlight = false;
  /** What waits behind the push in flight; `text` is kept while it is one push as published (encoded once). */
  private waitingRooms: { change: RoomsChange; text: string | undefined } | undefined;
  /** Cleared by each heartbeat ping, set by the pong: a tab that misses one is gone. */
  alive = true;

  constructor(
    readonly socket: WebSocket,
    private readonly options: ClientConnectionOptions,
    /** True while the tab's session is live (and counts it as used now): checked at each heartbeat. */
    readonly sessionLive: () => boolean,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('error', (error) => options.log?.debug('web socket error', { error: error.message }));
  }

  /**
   * `text` is the already-serialized `{ event, payload }`: encoded once for every tab. The event itself is
   * read only to merge waiting roomsChanged pushes (never changed: other tabs share it).
   */
  pushEvent(text: string, ...[event, change]: AppEventArgs): void {
    if (event !== 'roomsChanged') return this.send(text);
    if (this.roomsPushInFlight) {
      const waiting = this.waitingRooms;
      this.waitingRooms = waiting === undefined ? { change, text } : { change: mergeRoomsChanges(waiting.change, change), text: undefined };
      return;
    }
    this.sendRooms(text);
  }

  private sendRooms(text: string): void {
    this.roomsPushInFlight = true;
    this.send(text, () => {
      this.roomsPushInFlight = false;
      const waiting = this.waitingRooms;
      this.waitingRooms = undefined;
      if (waiting === undefined) return;
      this.sendRooms(waiting.text ?? JSON.stringify({ event: 'roomsChanged', payload: waiting.change }));
    });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const message = parseClientMessage(isBinary ? undefined : rawToText(data));
    if (!message.ok) return this.answer(message.id, fail('invalid_input', message.message));
    if (this.inFlightCalls >= this.options.maxInFlightCalls) {
      return this.answer(message.id, fail('unavailable', 'Too many calls in progress; try again in a moment.'));
    }
    this.inFlightCalls += 1;
    this.options
      .dispatch(message.method, message.req)
      .catch((error: unknown): Result<unknown> => {
        // The dispatcher answers every failure itself; this only guards against a broken one.
        this.options.log?.error('web dispatch threw', { error });
        return fail('internal', 'The call failed unexpectedly.');
      })
      .then((result) => {
        this.inFlightCalls -= 1;
        this.answer(message.id, result);
      });
  }

  private answer(id: number | null, result: Result<unknown>): void {
    let text: string;
    try {
      text = JSON.stringify({ id, result });
    } catch {
      text = JSON.stringify({ id, result: fail('internal', 'The answer could not be encoded.') });
    }
    this.send(text);
  }

  private send(text: string, onSent?: () => void): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.log?.warn('web client too slow: disconnected', { bufferedBytes: this.socket.bufferedAmount });
      this.socket.terminate();
      return;
    }
    this.socket.send(text, () => onSent?.());
  }
}

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
