import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { DateTime } from 'luxon';
import type { Caller, UncoveredGap } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import { signingPassword, type Signer } from '../signing/index.js';
import { addWorkRecord } from './add-record.js';
import { checkoutOfficerName, uncoveredGaps } from './gap-findings.js';
import { writeWorkRecordPdf } from './work-record-pdf.js';
import { recordDecision, recordFiling, workRecordRow, workRecordRows } from './work-record-store.js';
import { signedFields, workRecordOf } from './work-record-view.js';
import { writeTransaction } from '../db/index.js';

type WorkRecordCommands = 'workRecords.add' | 'workRecords.list' | 'workRecords.decide' | 'workRecords.file' | 'workRecords.gaps' | 'workRecords.form';

export type WorkRecordsModule = Capability<WorkRecordCommands>;

/** `workRecords.*`: interruption work records (停录工作记录, Art. 12): written, decided by the head (signed), filed. */
export function workRecordsModule(services: StationServices, signer: Signer): WorkRecordsModule {
  const { db, iso } = services;
  const writable = (): AuditTrail => {
    if (services.audit === null) throw new StationError('forbidden', 'this archive is read-only: work records cannot be written here');
    return services.audit;
  };
  const requireRecord = (id: number) => {
    const row = workRecordRow(db, id);
    if (row === null) throw new StationError('not-found', `no work record ${id}`);
    return row;
  };
  const view = (id: number) => workRecordOf(db, requireRecord(id), iso);
  /** Each change and its audit row in one transaction; the object is the record, not the check-out it names. */
  const audited = (caller: Caller, action: string, id: number, details: Record<string, unknown>) =>
    writable().record({ actor: caller.name, role: caller.role, action, object: `workRecord:${id}`, details });

  return {
    handlers: {
      'workRecords.add': (request, caller) => {
        const id = writeTransaction(db, () => {
          const made = addWorkRecord(db, request, caller, services.now());
          audited(caller, 'workRecords.add', made, { kind: 'change', input: request });
          return made;
        });
        return view(id);
      },
      'workRecords.list': ({ state }) => workRecordRows(db, state ?? null).map((row) => workRecordOf(db, row, iso)),
      'workRecords.decide': async (input, caller, credentials) => {
        const before = view(input.id);
        if (before.state !== 'submitted') throw new StationError('invalid-input', `work record ${input.id} is ${before.state}: only a submitted record is decided`);
        const decidedAt = services.now();
        const reason = input.reason ?? null;
        // Async (the key opens under the password), so this handler records its own audit row.
        const signed = await signer.sign(caller, signingPassword(input.password, credentials), (keyId) => ({
          type: 'work-record-decision',
          version: 1,
          workRecordId: before.id,
          decision: input.decision,
          reason,
          record: signedFields(before),
          signer: { personId: caller.personId, name: caller.name, role: caller.role, keyId },
          decidedAt: iso(decidedAt),
        }));
        writeTransaction(db, () => {
          const stored = recordDecision(db, before.id, {
            state: input.decision,
            by: caller.name,
            at: decidedAt,
            reason,
            keyId: signed.keyId,
            statement: signed.text,
            statementSha256: signed.sha256,
            signature: signed.signature,
          });
          if (!stored) throw new StationError('invalid-input', `work record ${before.id} was decided meanwhile`);
          audited(caller, 'workRecords.decide', before.id, {
            kind: 'change',
            input: { id: input.id, decision: input.decision, reason },
            keyId: signed.keyId,
            statementSha256: signed.sha256,
          });
        });
        return view(before.id);
      },
      'workRecords.file': ({ id }, caller) => {
        writeTransaction(db, () => {
          const row = requireRecord(id);
          if (!recordFiling(db, id, caller.name, services.now())) {
            throw new StationError('invalid-input', `work record ${id} is ${row.state}: only an approved record is filed`);
          }
          audited(caller, 'workRecords.file', id, { kind: 'change', input: { id } });
        });
        return view(id);
      },
      'workRecords.gaps': () =>
        uncoveredGaps(db).map(
          (gap): UncoveredGap => ({
            ...gap.finding,
            device: gap.device,
            officer: gap.details.activity ? checkoutOfficerName(db, gap.details.activity.checkoutId) : null,
            checkoutId: gap.details.activity?.checkoutId ?? null,
            source: gap.details.source,
            previous: gap.details.previous,
          }),
        ),
      'workRecords.form': async ({ id, path: asked }, caller) => {
        const record = view(id);
        if (asked !== undefined && !isAbsolute(asked)) throw new StationError('invalid-input', `give the form's full path, not ${asked}`, 'relative-path');
        const now = services.now();
        const stamp = DateTime.fromMillis(now, { zone: services.zone }).toFormat('yyyyMMdd-HHmmss');
        const path = asked ?? join(services.dataDir, 'exports', `work-record-${id}-${stamp}.pdf`);
        await fs.mkdir(dirname(path), { recursive: true });
        await writeWorkRecordPdf(record, { stationName: services.stationName, printedAt: iso(now) }, path);
        // Printing shows the record: a view, recorded after the file is written.
        writeTransaction(db, () => services.audit?.record({ actor: caller.name, role: caller.role, action: 'workRecords.form', object: `workRecord:${id}`, details: { kind: 'view', input: { id }, path } }));
        return { path };
      },
    },
  };
}
