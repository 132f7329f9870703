import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { DateTime } from 'luxon';
import type { Caller, DiscPlan, discCommands } from '../../contract/index.js';
import { burnerFor } from '../../../native-tools/disc-burners/index.js';
import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import { idsJson, namedRecordings, payloadPath, recordingsByIds, type RecordingFacts } from '../evidence-export/index.js';
import { runTool } from '../process/index.js';
import type { StationServices } from '../services.js';
import type { Signer } from '../signing/index.js';
import { CopyJobs } from './copy-jobs.js';
import { decideRequest } from './decide-request.js';
import { writeDiscLabelPdf } from './disc-label-pdf.js';
import { labelFacts } from './label-facts.js';
import { allRequests, copiesOf, deleteDiscsOf, discById, discsOf, insertDisc, insertRequest, recordLabel, requestById, setRequestMedia, updateCopy, type DiscRequestRow, type DiscRow } from './disc-store.js';
import { discEntry, registerEntries, requestView, type ViewContext } from './disc-view.js';
import { planDiscs } from './plan-discs.js';
import { highestLevel, requireSightOfAll } from './request-recordings.js';
import { writeTransaction } from '../db/index.js';

export type DiscsModule = Capability<keyof typeof discCommands>;

/** `discs.*`: the disc-burn queue (Art. 16): requests, signed decisions, plans, two verified copies, labels, the register. */
export function discsModule(services: StationServices, signer: Signer): DiscsModule {
  const { db } = services;
  const burner = burnerFor(process.platform);
  const context = (): ViewContext => ({
    db,
    iso: services.iso,
    zone: services.zone,
    recheckMonths: services.settings().discRecheckMonths,
    levelOf: (row) => highestLevel(recordingsOf(row)),
  });
  const recordingsOf = (row: { recording_ids_json: string }): RecordingFacts[] => recordingsByIds(db, JSON.parse(row.recording_ids_json) as number[]);
  const requireRequest = (id: number): DiscRequestRow => {
    const row = requestById(db, id);
    if (row === null) throw new StationError('not-found', `no disc request ${id}`);
    return row;
  };
  const requireDisc = (id: string): DiscRow => {
    const row = discById(db, id);
    if (row === null) throw new StationError('not-found', `no disc ${id}`);
    return row;
  };
  const audit = (caller: Caller, action: string, object: string, details: Record<string, unknown>) =>
    services.audit?.record({ actor: caller.name, role: caller.role, action, object, details });
  const changed = (requestId: number) => services.events.emit({ type: 'discs.changed', requestId });
  const requestsById = () => new Map(allRequests(db).map((row) => [row.id, row]));
  const jobs = new CopyJobs({ services, signer, burner, run: runTool, recordingsOf, requireRequest, requireDisc, audit, changed });

  return {
    handlers: {
      'discs.request': (input, caller) => {
        const recordings = namedRecordings(db, input, 'name recordings, an ingest or a check-out');
        requireSightOfAll(db, caller, recordings, services.now());
        const id = writeTransaction(db, () => {
          const made = insertRequest(db, {
            reason: input.reason,
            case_number: input.caseNumber,
            case_name: input.caseName,
            source_kind: input.ingestId !== undefined ? 'ingest' : input.checkoutId !== undefined ? 'checkout' : 'recordings',
            source_ingest_id: input.ingestId ?? null,
            source_checkout_id: input.checkoutId ?? null,
            recording_ids_json: idsJson(recordings.map((facts) => facts.id)),
            files: recordings.length,
            bytes: recordings.reduce((sum, facts) => sum + facts.size, 0),
            requested_by: caller.name,
            requested_at: services.now(),
          });
          audit(caller, 'discs.request', `disc-request:${made}`, { kind: 'change', input, level: highestLevel(recordings) });
          return made;
        });
        changed(id);
        return requestView(requireRequest(id), context());
      },
      'discs.decide': async (input, caller, credentials) => {
        const recordings = recordingsOf(requireRequest(input.requestId));
        requireSightOfAll(db, caller, recordings, services.now());
        const level = highestLevel(recordings);
        const row = await decideRequest(services, signer, input, caller, credentials, { level, recordings: recordings.map((facts) => ({ id: facts.id, sha256: facts.sha256 })) });
        changed(row.id);
        return requestView(row, context());
      },
      'discs.plan': ({ requestId, media }, caller): DiscPlan => {
        const plannedAt = services.now();
        const planned = writeTransaction(db, () => {
          const row = requireRequest(requestId);
          if (row.decision !== 'approved') throw new StationError('invalid-input', `disc request ${requestId} is ${row.decision ?? 'not decided yet'}: only an approved request is planned`);
          const existing = discsOf(db, requestId);
          const busy = existing.find((disc) => jobs.isBusy(disc.id));
          if (busy) throw new StationError('busy', `disc ${busy.id} is being imaged, burned or checked: wait for it, or cancel it`);
          const begun = existing.flatMap((disc) => copiesOf(db, disc.id)).find((copy) => copy.state !== 'planned');
          if (begun) throw new StationError('invalid-input', `disc ${begun.disc_id} copy ${begun.copy} is already ${begun.state}: a request is planned again only before anything is written`);
          const recordings = recordingsOf(row);
          const bins = planDiscs(recordings.map((facts) => ({ recordingId: facts.id, size: facts.size, path: payloadPath(facts) })), media);
          deleteDiscsOf(db, requestId);
          const tag = randomBytes(2).toString('hex').toUpperCase();
          const discs = bins.map((bin, index) => {
            const disc = { discId: `DSC-${requestId}-${index + 1}of${bins.length}-${tag}`, index: index + 1, of: bins.length, bytes: bin.bytes, files: bin.files.length };
            insertDisc(db, {
              id: disc.discId,
              request_id: requestId,
              idx: disc.index,
              of: disc.of,
              media,
              // ISO 9660 volume ids are at most 32 characters of A–Z, 0–9 and _.
              volume_id: `EVID_R${requestId}_${disc.index}OF${disc.of}_${tag}`.slice(0, 32),
              recording_ids_json: idsJson(bin.files.map((file) => file.recordingId)),
              files: disc.files,
              bytes: disc.bytes,
              planned_by: caller.name,
              planned_at: plannedAt,
              image_epoch: Math.floor(plannedAt / 1000),
            });
            return disc;
          });
          setRequestMedia(db, requestId, media);
          audit(caller, 'discs.plan', `disc-request:${requestId}`, { kind: 'change', media, discs });
          return discs;
        });
        changed(requestId);
        return { requestId, media, discs: planned };
      },
      'discs.requests': () => {
        const view = context();
        return allRequests(db).map((row) => requestView(row, view));
      },
      'discs.image': async ({ discId, out }, caller) => {
        if (!isAbsolute(out)) throw new StationError('invalid-input', `the image folder must be a full path: ${out}`, 'relative-path');
        const disc = requireDisc(discId);
        const result = await jobs.writeImage(disc, out, caller);
        changed(disc.request_id);
        return result;
      },
      'discs.burn': (input, caller) => jobs.copy({ ...input, kind: 'burn' }, caller),
      'discs.verify': (input, caller) => jobs.copy({ ...input, kind: 'recheck' }, caller),
      'discs.cancel': ({ discId }, caller) => ({ cancelled: jobs.cancel(discId, caller) }),
      'discs.store': ({ discId, copy, location }, caller) => {
        const disc = requireDisc(discId);
        writeTransaction(db, () => {
          const row = copiesOf(db, discId).find((candidate) => candidate.copy === copy);
          if (row === undefined || (row.state !== 'verified' && row.state !== 'stored')) {
            throw new StationError('invalid-input', `disc ${discId} copy ${copy} is ${row?.state ?? 'unknown'}: only a verified copy is put away`);
          }
          updateCopy(db, discId, copy, { state: 'stored', location, stored_by: caller.name, stored_at: services.now() });
          audit(caller, 'discs.store', `disc:${discId}:${copy}`, { kind: 'change', location, before: row.location });
        });
        changed(disc.request_id);
        return discEntry(disc, requireRequest(disc.request_id), context());
      },
      'discs.label': async ({ discId, path: asked }, caller) => {
        const disc = requireDisc(discId);
        const request = requireRequest(disc.request_id);
        if (asked !== undefined && !isAbsolute(asked)) throw new StationError('invalid-input', `give the label's full path, not ${asked}`, 'relative-path');
        const stamp = DateTime.fromMillis(services.now(), { zone: services.zone }).toFormat('yyyyMMdd-HHmmss');
        const path = asked ?? join(services.dataDir, 'exports', `disc-label-${discId}-${stamp}.pdf`);
        await mkdir(dirname(path), { recursive: true });
        await writeDiscLabelPdf(labelFacts(services, disc, request), path);
        // Only a label that carries the image's hash counts as the disc's label; one printed before is a draft.
        writeTransaction(db, () => {
          if (disc.image_sha256 !== null) recordLabel(db, discId, caller.name, services.now());
          audit(caller, 'discs.label', `disc:${discId}`, { kind: 'change', path, imageSha256: disc.image_sha256 });
        });
        changed(disc.request_id);
        return { path };
      },
      'discs.list': () => registerEntries(context(), requestsById()),
      'discs.drives': () => burner.drives(runTool),
      'discs.due': () => {
        const now = services.now();
        const view = context();
        return registerEntries(view, requestsById())
          .map((entry) => ({ ...entry, copies: entry.copies.filter((copy) => copy.nextCheckDue !== null && Date.parse(copy.nextCheckDue) <= now) }))
          .filter((entry) => entry.copies.length > 0);
      },
    },
    start: async () => jobs.recoverInterrupted(),
    stop: () => jobs.stop(),
  };
}
