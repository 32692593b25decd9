/**
 * Whether a pushed roomsChanged lines up with what the rooms store holds (shared/domain/legs.ts RoomsChange):
 * after a full list (getRooms) the next push is its asOfSeq + 1, after push n it is n + 1. A push that stands
 * for several (RoomsChange.firstSeq, merged by a web tab's server while the tab is slow) lines up when the
 * pushes it stands for include the next one. The push numbered asOfSeq itself is skipped: the full list
 * already holds it, and a web tab's server may deliver it after the answer (it holds back the newest pushes
 * while the tab is slow; an older one is never pending). Any other
 * number means pushes were missed: dropped for a slow tab, a reconnect, a restarted core (which counts from
 * 1 again); then only a new full list is right.
 */
import { ROOMS_RESYNC_SEQ, type RoomSnapshot } from '../../../shared/domain/legs';

/** `apply`: next in line. `skip`: already held. `missed`: apply what lines up, then re-read the full list. */
export type PushVerdict = 'apply' | 'skip' | 'missed';

export function createPushSequence() {
  /** The seq of the last push held (or the full list's asOfSeq); undefined: nothing to line up with yet. */
  let heldSeq: number | undefined;
  let heldFromFullList = false;

  return {
    /**
     * A full list was applied. An empty one carries no asOfSeq, so the next push is taken as it comes: a
     * room it lacks is at most one missed push old and shows again with its room's next change.
     */
    fullList(snapshots: readonly RoomSnapshot[]): void {
      heldSeq = snapshots.length === 0 ? undefined : Math.max(...snapshots.map((room) => room.asOfSeq));
      heldFromFullList = true;
    },

    /** `firstSeq`: RoomsChange.firstSeq, for a push that stands for pushes firstSeq…seq. */
    push(seq: number, firstSeq = seq): PushVerdict {
      if (seq === ROOMS_RESYNC_SEQ) return 'missed';
      if (heldFromFullList && seq === heldSeq) return 'skip';
      const verdict: PushVerdict = heldSeq === undefined || (firstSeq <= heldSeq + 1 && heldSeq + 1 <= seq) ? 'apply' : 'missed';
      heldSeq = seq;
      heldFromFullList = false;
      return verdict;
    },
  };
}
