import type { SignoffEntry, SignoffReceipt, SignoffStatement } from '../../contract/index.js';
import { auditHead } from '../audit/index.js';
import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import type { IngestModule } from '../ingest/index.js';
import type { StationServices } from '../services.js';
import { signingPassword, type Signer } from '../signing/index.js';
import { tagManifestSha256, writeSignoffFiles } from './bag-signoff.js';
import { cannotSign, checkoutsOf, officersOf, stateOf } from './review.js';
import { insertSignoff, latestSignoffOf, latestSignoffs, signoffsOf } from './signoff-store.js';
import { verifyBagSignoff } from './verify-signoffs.js';
import { writeTransaction } from '../db/index.js';

type SignoffCommands = 'signoff.list' | 'signoff.review' | 'signoff.decide' | 'signoff.verify' | 'signoff.keys';

export interface SignoffModule extends Capability<SignoffCommands> {
  /** An approved ingest is sealed: its records and bag no longer change. */
  isSealed(ingestId: string): boolean;
  /** The standing decision per ingest, for the recordings list. */
  standing(): Map<string, { state: 'approved' | 'rejected'; signer: string }>;
}

const refusals = {
  'own-ingest': 'you operated this ingest: another lead or the head signs it off',
  'not-finished': 'this ingest is still running: sign it off once it has finished',
  sealed: 'this ingest is already signed off and sealed',
  'not-a-signer': 'only a lead or the head signs ingests off',
} as const;

/** `signoff.*`: the lead reviews each ingest and signs the decision with their own key, into the bag (Art. 13). */
export function signoffModule(services: StationServices, ingest: IngestModule, signer: Signer): SignoffModule {
  const { db, iso } = services;
  const requireSummary = (ingestId: string) => {
    const summary = ingest.summary(ingestId);
    if (!summary) throw new StationError('not-found', `no ingest ${ingestId}`);
    return summary;
  };

  return {
    isSealed: (ingestId) => latestSignoffOf(db, ingestId)?.decision === 'approved',
    standing: () => new Map([...latestSignoffs(db)].map(([id, row]) => [id, { state: row.decision, signer: row.signer_name }])),
    handlers: {
      'signoff.list': ({ pending, limit }) => {
        const latest = latestSignoffs(db);
        const entries: SignoffEntry[] = ingest.finishedSummaries(limit).map((summary) => {
          const row = latest.get(summary.ingestId) ?? null;
          return {
            ingestId: summary.ingestId,
            state: stateOf(row),
            signer: row?.signer_name ?? null,
            signedAt: row ? iso(row.signed_at) : null,
            reason: row?.reason ?? null,
            operator: summary.operator,
            device: summary.device,
            startedAt: summary.startedAt,
            finishedAt: summary.finishedAt,
            files: summary.totals.archived,
            findingCount: summary.findingCount,
          };
        });
        // Pending: not decided yet, or sent back to the clerk and not decided again.
        return pending ? entries.filter((entry) => entry.state !== 'approved') : entries;
      },
      'signoff.review': ({ ingestId }, caller) => {
        const summary = requireSummary(ingestId);
        const report = ingest.report(ingestId);
        if (!report) throw new StationError('not-found', `no ingest ${ingestId}`);
        const history = signoffsOf(db, ingestId);
        const latest = history.at(-1) ?? null;
        return {
          ingest: report,
          operator: summary.operator,
          state: stateOf(latest),
          history: history.map((row) => ({
            ingestId,
            decision: row.decision,
            signer: row.signer_name,
            signedAt: iso(row.signed_at),
            statementSha256: row.statement_sha256,
            reason: row.reason,
            keyId: row.key_id,
          })),
          officers: officersOf(db, ingestId),
          checkouts: checkoutsOf(db, report, iso),
          cannotSign: cannotSign(caller, summary, latest),
        };
      },
      'signoff.decide': async ({ ingestId, decision, reason, password }, caller, credentials): Promise<SignoffReceipt> => {
        const summary = requireSummary(ingestId);
        const refusal = cannotSign(caller, summary, latestSignoffOf(db, ingestId));
        if (refusal === 'sealed') throw new StationError('sealed', refusals.sealed);
        if (refusal !== null) throw new StationError(refusal === 'not-finished' ? 'invalid-input' : 'forbidden', refusals[refusal]);
        const trail = services.audit;
        if (trail === null) throw new StationError('forbidden', 'this archive is read-only: nothing can be signed here');
        const bagDir = summary.archivePath;
        const signedAt = services.now();
        const tagManifest = await tagManifestSha256(bagDir);
        const signed = await signer.sign(caller, signingPassword(password, credentials), (keyId): SignoffStatement => ({
          type: 'ingest-signoff',
          version: 1,
          ingestId,
          tagManifestSha256: tagManifest,
          decision,
          reason: reason ?? null,
          signer: { personId: caller.personId ?? 0, name: caller.name, role: caller.role, keyId },
          signedAt: iso(signedAt),
          auditHead: auditHead(db),
        }));
        // Another signer may have sealed it while the password was checked.
        if (latestSignoffOf(db, ingestId)?.decision === 'approved') throw new StationError('sealed', refusals.sealed);
        // The bag first: an index row without its tag files would claim a signature the bag cannot show.
        await writeSignoffFiles(bagDir, signed.text, Buffer.from(signed.signature, 'base64'), signed.publicKeyPem);
        writeTransaction(db, () => {
          insertSignoff(db, {
            ingest_id: ingestId,
            decision,
            reason: reason ?? null,
            signer_person_id: caller.personId ?? 0,
            signer_name: caller.name,
            key_id: signed.keyId,
            signed_at: signedAt,
            statement: signed.text,
            statement_sha256: signed.sha256,
            signature: signed.signature,
          });
          trail.record({
            actor: caller.name,
            role: caller.role,
            action: 'signoff.decide',
            object: `ingest:${ingestId}`,
            details: { kind: 'change', decision, reason: reason ?? null, keyId: signed.keyId, statementSha256: signed.sha256 },
          });
        });
        services.events.emit({ type: 'signoff.changed', ingestId });
        return { ingestId, decision, signer: caller.name, signedAt: iso(signedAt), statementSha256: signed.sha256 };
      },
      'signoff.verify': async () => {
        const latest = latestSignoffs(db);
        const problems = [];
        for (const [ingestId, row] of latest) {
          const summary = ingest.summary(ingestId);
          const problem = summary
            ? await verifyBagSignoff(summary.archivePath, row, signer)
            : { ingestId, problem: 'bag-changed' as const, detail: 'the ingest is gone from the index' };
          if (problem) problems.push(problem);
        }
        return { checked: latest.size, ok: latest.size - problems.length, problems };
      },
      'signoff.keys': () => signer.keys(),
    },
  };
}
