import type { Settings } from '../contract/index.js';
import type { AuditTrail } from './audit/index.js';
import type { Database } from './db/index.js';
import type { EventBus } from './event-bus.js';
import type { StationLog } from './log/index.js';

/** What the station builds once and every capability may use. */
export interface StationServices {
  db: Database;
  dataDir: string;
  /** IANA zone: zoneless times are read in it, and times are shown in it. */
  zone: string;
  stationName: string;
  events: EventBus;
  log: StationLog;
  settings: () => Settings;
  now: () => number;
  /** An instant as ISO-8601 in the station's zone. */
  iso: (ms: number) => string;
  /** Where changes and views of evidence are recorded, in their own transactions; null on a read-only archive. */
  audit: AuditTrail | null;
}
