import type { StationEvent } from '../contract/index.js';
import type { StationLog } from './log/index.js';

type Listener = (event: StationEvent) => void;

/** Fan-out of core events to every host; a listener that throws never stops the others. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly log: StationLog) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StationEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error('event.listener-failed', error, { event: event.type });
      }
    }
  }
}
