/** A tiny typed event emitter: listeners per event name, each `on` returns its own unsubscribe. */
export type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    // Sets are kept per event name and only ever hold listeners of that event's payload.
    set.add(listener as Listener<never>);
    return () => {
      // The same listener as added above.
      set.delete(listener as Listener<never>);
    };
  }

  /** A listener that throws must not stop the worker or the other listeners: its error goes to onError. */
  emit<E extends keyof Events>(event: E, payload: Events[E], onError?: (error: unknown) => void): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        // The set of event E holds only listeners of Events[E] (see on()).
        (listener as Listener<Events[E]>)(payload);
      } catch (error) {
        onError?.(error);
      }
    }
  }
}
