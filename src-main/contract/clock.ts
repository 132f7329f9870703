import { z } from 'zod';

/** How a recorder's clock error is known, best first; null when nothing tells. */
export const DriftBasis = z.enum(['calibration-clip', 'gps', 'station-clock']).nullable();
export type DriftBasis = z.infer<typeof DriftBasis>;

/** Device time and the time it really was; drift = device − true, seconds (positive: clock ahead). */
export const FileClock = z.object({
  deviceTime: z.string().nullable(),
  correctedTime: z.string().nullable(),
  driftSeconds: z.number().nullable(),
  basis: DriftBasis,
});
export type FileClock = z.infer<typeof FileClock>;

export const ClockDrift = z.object({
  seconds: z.number().nullable(),
  basis: DriftBasis,
  exceedsTolerance: z.boolean(),
  /** The file (relative to the source) the drift was measured on, for the reviewer to look at. */
  evidence: z.string().nullable(),
  /**
   * The zone the recorder's MP4 header times (`QuickTime:CreateDate`) were read in: `UTC`, as the
   * format defines, or the station's zone for a device a clerk confirmed writes local time.
   */
  metadataZone: z.string(),
});
export type ClockDrift = z.infer<typeof ClockDrift>;

/** What an ingest noticed for the lead's review (Art. 7, 12, 18). */
export const Finding = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('timezone-mismatch'), source: z.string(), hours: z.number() }),
  z.object({
    kind: z.literal('future-recording'),
    source: z.string(),
    endsAt: z.string(),
    /** The station time the recording ends after: the plug-in, or the moment a folder's ingest started reading. */
    referenceAt: z.string(),
    reference: z.enum(['plug-in', 'ingest-start']),
    pluggedInAt: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('sequence-gap'),
    serial: z.string(),
    day: z.string(),
    after: z.number().int(),
    before: z.number().int(),
    missing: z.array(z.number().int()),
  }),
  z.object({
    kind: z.literal('recording-gap'),
    /** The file after the pause; null when footage is missing at the end of an activity (before the officer left). */
    source: z.string().nullable(),
    /** The file before the pause; null when footage is missing at the start of an activity (after the officer arrived). */
    previous: z.string().nullable(),
    gapSeconds: z.number(),
    /**
     * Set when the pause lies inside an activity's window (Art. 8: from arriving at the scene to
     * leaving it, as checked in): the check-out, and the missing span on the station's clock.
     */
    activity: z.object({ checkoutId: z.number().int(), from: z.string(), to: z.string() }).optional(),
  }),
  /** Art. 18 (3): the file name carries one officer's number, the ledger had the device out to another. */
  z.object({ kind: z.literal('officer-mismatch'), source: z.string(), nameOfficer: z.string(), ledgerOfficer: z.string() }),
  /** Art. 5: recorded while the device was not checked out to anyone. */
  z.object({ kind: z.literal('outside-checkout'), source: z.string(), recordedAt: z.string() }),
]);
export type Finding = z.infer<typeof Finding>;
