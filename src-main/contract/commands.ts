import { z } from 'zod';
import { Role } from './roles.js';
import { AuditQuery, AuditRow, AuditVerifyReport } from './audit.js';
import { AttachedVolume, Device, DeviceStatus, DeviceType, NewDevice, Settings } from './devices.js';
import { NewPerson, Person, PersonChange, SessionStatus, SignIn, Password, Login } from './people.js';
import { IngestPage, IngestQuery, IngestReport, IngestSummary } from './ingest.js';
import { CheckinReceipt, CheckinRequest, CheckoutReceipt, CheckoutRequest, Deadline, LateReason, LedgerEntry, LedgerExport, LedgerQuery } from './ledger.js';
import { signoffCommands } from './signoff.js';
import { exportCommands } from './evidence-export.js';
import { RecordingDetail, RecordingPage, RecordingQuery, VerifyReport } from './recordings.js';
import { Confidentiality, confidentialityCommands } from './confidentiality.js';
import { workRecordCommands } from './work-records.js';
import { discCommands } from './discs.js';

const everyone: readonly Role[] = ['clerk', 'lead', 'head', 'auditor', 'admin'];
const ingesters: readonly Role[] = ['clerk', 'lead', 'admin'];
const overseers: readonly Role[] = ['head', 'auditor', 'admin'];
const admins: readonly Role[] = ['admin'];
/** Who keeps the ledger: the clerk (内勤), and the admin standing in. */
const ledgerKeepers: readonly Role[] = ['clerk', 'admin'];
/** Who may say why footage came in late: the ledger's keepers and the lead who reviews it. */
const lateReasonGivers: readonly Role[] = ['clerk', 'lead', 'admin'];
/** Commands that need no sign-in: the session's own, and the two checks anyone may run on the archive. */
const anyone: readonly Role[] = Role.options;

export const StationInfo = z.object({
  stationName: z.string(),
  dataDir: z.string(),
  zone: z.string(),
  now: z.string(),
  version: z.string(),
  /** Auto-ingest as the host was started with (`--auto-ingest`), overriding the setting; null when it follows the setting. */
  autoIngestOverride: z.boolean().nullable(),
});

export const DirectoryListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  directories: z.array(z.string()),
});

/**
 * Every command of the station: its input, its output and who may run it.
 * Hosts expose exactly these; the router parses inputs with these schemas.
 */
export const commands = {
  'station.info': { input: z.object({}), output: StationInfo, roles: everyone },
  'sources.browse': {
    input: z.object({ path: z.string().optional() }),
    output: DirectoryListing,
    roles: ingesters,
  },
  'ingest.start': {
    input: z.object({
      sourcePath: z.string().min(1),
      /** Why the footage comes in after its 24-hour deadline: kept on the check-out this ingest meets late, else ignored. */
      lateReason: LateReason.optional(),
    }),
    output: z.object({ ingestId: z.string() }),
    roles: ingesters,
  },
  'ingest.cancel': {
    input: z.object({ ingestId: z.string() }),
    output: z.object({ cancelled: z.boolean() }),
    roles: ingesters,
  },
  'ingest.get': { input: z.object({ ingestId: z.string() }), output: IngestReport, roles: everyone },
  /** A host is about to print (export) an ingest's receipt (交接单): the core checks who asks and records it. */
  'ingest.receipt': { input: z.object({ ingestId: z.string() }), output: z.object({ ingestId: z.string() }), roles: everyone },
  'ingest.list': { input: IngestQuery, output: z.array(IngestSummary), roles: everyone },
  /** The same list with the number of ingests the filters match, for a paged history. */
  'ingest.page': { input: IngestQuery, output: IngestPage, roles: everyone },
  'recordings.list': { input: RecordingQuery, output: RecordingPage, roles: everyone },
  'recordings.get': { input: z.object({ id: z.number().int() }), output: RecordingDetail, roles: everyone },
  /** A host is about to play (or hand out) a recording's file: the core checks who asks and records it. */
  'recordings.play': {
    input: z.object({ id: z.number().int() }),
    /** The level it was played at, for the audit row (Art. 14). */
    output: z.object({ id: z.number().int(), confidentiality: Confidentiality }),
    roles: everyone,
  },
  /** A host is about to show a recording's frame in the list: the core checks the caller may see it (not audited: the list is not). */
  'recordings.thumbnail': { input: z.object({ id: z.number().int() }), output: z.object({ id: z.number().int() }), roles: everyone },
  'archive.verify': { input: z.object({}), output: VerifyReport, roles: everyone },
  'devices.list': { input: z.object({}), output: z.array(Device), roles: everyone },
  'devices.add': { input: NewDevice, output: Device, roles: ingesters },
  'devices.update': {
    input: z.object({
      id: z.number().int(),
      type: DeviceType.optional(),
      name: z.string().trim().max(100).nullable().optional(),
      model: z.string().trim().max(100).nullable().optional(),
      assetNumber: z.string().trim().max(100).nullable().optional(),
      purchaseDate: z.iso.date().nullable().optional(),
      status: DeviceStatus.optional(),
    }),
    output: Device,
    roles: ingesters,
  },
  /** The clerk confirms (or withdraws) that a device writes local time into its MP4 header times (`QuickTime:CreateDate`). */
  'devices.setMetadataLocalTime': {
    input: z.object({ id: z.number().int(), localTime: z.boolean() }),
    output: Device,
    roles: ingesters,
  },
  /** Attached volumes: the live list while the station watches, else a one-time look (`anyVolume` as `--any-volume`). */
  'volumes.list': {
    input: z.object({ anyVolume: z.boolean().optional() }),
    output: z.array(AttachedVolume),
    roles: ingesters,
  },
  /** The officer says which registered device an unrecognised volume is; remembered for next time. */
  'volumes.match': {
    input: z.object({ mountpoint: z.string(), deviceId: z.number().int() }),
    output: AttachedVolume,
    roles: ingesters,
  },
  'volumes.ingest': { input: z.object({ mountpoint: z.string() }), output: z.object({ ingestId: z.string() }), roles: ingesters },
  'settings.get': { input: z.object({}), output: Settings, roles: everyone },
  /** Admins manage the settings (issue 8): the deadline, the idle lock, the body-camera rule among them. */
  'settings.update': { input: Settings.partial(), output: Settings, roles: admins },
  /** Where the host's user stands (open, signed out, signed in, locked); needs no sign-in. */
  'session.status': { input: z.object({}), output: SessionStatus, roles: anyone },
  /**
   * Checks a login and password and opens a session. The host keeps `session` to itself (the
   * desktop in its main process, browser mode in an HttpOnly cookie); the page never sees it.
   */
  'session.signIn': {
    input: SignIn,
    /** `session` reaches the host only: it answers the page with null. */
    output: z.object({ session: z.string().nullable(), status: SessionStatus }),
    roles: anyone,
  },
  'session.signOut': { input: z.object({}), output: SessionStatus, roles: anyone },
  /** Locks the session now (the page saw no input for the idle setting, or the user stepped away). */
  'session.lock': { input: z.object({}), output: SessionStatus, roles: anyone },
  /** The signed-in person's own password opens a locked session again. */
  'session.unlock': { input: z.object({ password: z.string().min(1).max(1024) }), output: SessionStatus, roles: anyone },
  'session.changePassword': {
    input: z.object({ current: z.string().min(1).max(1024), next: Password }),
    output: SessionStatus,
    roles: everyone,
  },
  /** The people of the office; officers without an account appear too (the ledger needs them). */
  'people.list': { input: z.object({}), output: z.array(Person), roles: everyone },
  'people.add': { input: NewPerson, output: Person, roles: admins },
  'people.update': { input: PersonChange, output: Person, roles: admins },
  /** Gives a person an account, or a new password for theirs (a forgotten one): admins only. */
  'people.setPassword': {
    input: z.object({ id: z.number().int(), login: Login.optional(), password: Password }),
    output: Person,
    roles: admins,
  },
  /** The device ledger (台账, Art. 4, 7): a recorder handed to an officer after its three pre-use checks. */
  'ledger.checkout': { input: CheckoutRequest, output: CheckoutReceipt, roles: ledgerKeepers },
  /** The recorder is back: its 24-hour deadline (Art. 13) starts at the return. */
  'ledger.checkin': { input: CheckinRequest, output: CheckinReceipt, roles: ledgerKeepers },
  /** Why a check-out's footage came in after its deadline. */
  'ledger.lateReason': {
    input: z.object({ checkoutId: z.number().int(), reason: LateReason }),
    output: LedgerEntry,
    roles: lateReasonGivers,
  },
  /** The ledger, newest check-out first. */
  'ledger.list': { input: LedgerQuery, output: z.array(LedgerEntry), roles: everyone },
  /** Every check-out not met yet (and late ones still without a reason), soonest deadline first. */
  'ledger.deadlines': { input: z.object({}), output: z.array(Deadline), roles: everyone },
  /** The ledger written as .xlsx or a printable PDF; recorded in the audit chain. */
  'ledger.export': { input: LedgerExport, output: z.object({ path: z.string(), rows: z.number().int() }), roles: everyone },
  /** The audit chain, oldest first from `sinceSeq` (or newest first), narrowed by person, action, object and days. */
  'audit.list': {
    input: AuditQuery,
    output: z.array(AuditRow),
    roles: overseers,
  },
  /** Re-walks the chain and its signed checkpoints: anything edited, inserted, deleted, reordered or cut short. */
  'audit.verify': { input: z.object({}), output: AuditVerifyReport, roles: everyone },
  ...signoffCommands,
  ...exportCommands,
  ...confidentialityCommands,
  ...workRecordCommands,
  ...discCommands,
} as const;

/**
 * Commands that change something (`change`) or show evidence (`view`): the router writes their
 * audit row in the same transaction as the handler's own writes, so both land or neither does.
 * Their handlers must be synchronous; an asynchronous change records its rows itself, in the
 * transaction of its own write: `ingest.start` and `volumes.ingest` (`ingest.start`, then
 * `ingest.finish`), `volumes.match`, `people.add`, `people.setPassword` and the session's commands.
 * Lists and reports (`ingest.get`, `ingest.list`, `recordings.list`, thumbnails) are not audited:
 * they show the index, not a recording; opening one (`recordings.get`), playing it
 * (`recordings.play`) or printing a receipt (`ingest.receipt`) is.
 */
export const audited: Partial<Record<CommandName, 'change' | 'view'>> = {
  'devices.add': 'change',
  'devices.update': 'change',
  'devices.setMetadataLocalTime': 'change',
  'settings.update': 'change',
  'ingest.cancel': 'change',
  'ingest.receipt': 'view',
  'recordings.get': 'view',
  'recordings.play': 'view',
  'people.update': 'change',
  'ledger.checkout': 'change',
  'ledger.checkin': 'change',
  'ledger.lateReason': 'change',
  'signoff.review': 'view',
  'confidentiality.classify': 'change',
  'confidentiality.grant': 'change',
};

/** Commands any caller may run, signed in or not (the session's own, and checking the archive and the chain). */
export const publicCommands: ReadonlySet<CommandName> = new Set<CommandName>([
  'session.status',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'archive.verify',
  'audit.verify',
  'signoff.verify',
]);

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export const commandNames = Object.keys(commands) as CommandName[];
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.infer<Commands[K]['output']>;
