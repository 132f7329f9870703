import { z } from 'zod';
import { AttachedVolume } from './devices.js';
import { DiscProgress } from './discs.js';
import { FileStatus, IngestProgress, IngestTotals, ReasonCode } from './ingest.js';

/** Everything the core announces. Progress is throttled to about four a second per job. */
export const StationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ingest.started'), ingestId: z.string(), source: z.string(), mountpoint: z.string().nullable() }),
  z.object({ type: z.literal('ingest.progress'), progress: IngestProgress }),
  z.object({
    type: z.literal('ingest.file'),
    ingestId: z.string(),
    source: z.string(),
    status: FileStatus,
    reason: z.string().nullable(),
    reasonCode: ReasonCode.nullable(),
  }),
  z.object({
    type: z.literal('ingest.completed'),
    ingestId: z.string(),
    mountpoint: z.string().nullable(),
    totals: IngestTotals,
  }),
  z.object({
    type: z.literal('ingest.failed'),
    ingestId: z.string(),
    mountpoint: z.string().nullable(),
    reason: z.string(),
    reasonCode: ReasonCode,
  }),
  z.object({ type: z.literal('volume.attached'), mountpoint: z.string(), deviceId: z.number().int().nullable(), volume: AttachedVolume }),
  z.object({ type: z.literal('volume.updated'), mountpoint: z.string(), deviceId: z.number().int().nullable(), volume: AttachedVolume }),
  z.object({ type: z.literal('volume.detached'), mountpoint: z.string(), deviceId: z.number().int().nullable() }),
  z.object({ type: z.literal('station.error'), message: z.string() }),
  /** A check-out, check-in or late reason was recorded, or an ingest met a deadline: ledger and board read again. */
  z.object({ type: z.literal('ledger.changed') }),
  /** A lead signed an ingest off (approved or rejected): the sign-off list and the recordings read again. */
  z.object({ type: z.literal('signoff.changed'), ingestId: z.string() }),
  /** A disc request, disc or copy changed (decided, planned, burned, checked, labelled, stored): the queue reads again. */
  z.object({ type: z.literal('discs.changed'), requestId: z.number().int() }),
  z.object({ type: z.literal('discs.progress'), progress: DiscProgress }),
]);
export type StationEvent = z.infer<typeof StationEvent>;
export type StationEventType = StationEvent['type'];
