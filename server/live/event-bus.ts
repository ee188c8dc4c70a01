/**
 * In-process publish/subscribe for live updates (server-sent events). One BFF process sees
 * every ingest request it serves; replicas sharing PostgreSQL would relay through LISTEN/NOTIFY.
 */
export type LiveEvent = { type: 'attempt.updated'; teamId: string; attemptId: string };

type Listener = (event: LiveEvent) => void;

export class EventBus {
  private listeners = new Map<string, Set<Listener>>();

  subscribe(teamId: string, listener: Listener): () => void {
    const set = this.listeners.get(teamId) ?? new Set();
    set.add(listener);
    this.listeners.set(teamId, set);
    // Idempotent, and never removes a newer set that replaced this one after it emptied.
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(teamId) === set) this.listeners.delete(teamId);
    };
  }

  publish(event: LiveEvent) {
    for (const listener of this.listeners.get(event.teamId) ?? []) listener(event);
  }
}
