import { z } from 'zod';
import { FileStatus, IngestProgress, IngestTotals, ReasonCode } from './ingest.js';

/** Everything the core announces. Progress is throttled to about four a second per job. */
export const StationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ingest.started'), ingestId: z.string(), source: z.string() }),
  z.object({ type: z.literal('ingest.progress'), progress: IngestProgress }),
  z.object({
    type: z.literal('ingest.file'),
    ingestId: z.string(),
    source: z.string(),
    status: FileStatus,
    reason: z.string().nullable(),
    reasonCode: ReasonCode.nullable(),
  }),
  z.object({ type: z.literal('ingest.completed'), ingestId: z.string(), totals: IngestTotals }),
  z.object({ type: z.literal('ingest.failed'), ingestId: z.string(), reason: z.string(), reasonCode: ReasonCode }),
]);
export type StationEvent = z.infer<typeof StationEvent>;
export type StationEventType = StationEvent['type'];
