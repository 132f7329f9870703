// The command line itself, loaded by station.ts once the process is prepared.
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, ReadOnlyDataFolderError } from '../../core/data-dir.js';
import { defaultZone } from '../../core/clock.js';
import { openStation } from '../../core/station.js';
import { credentialsFrom, CredentialsError } from './credentials.js';
import { commandHelp, usage } from './help.js';
import type { CliContext } from './context.js';

interface CliCommand {
  /**
   * The command, loaded when it runs: a start loads one command's modules, not every command's
   * (a `station ingest` loaded the browser host's 36 modules and node:http, and never used them).
   */
  load: () => Promise<(context: CliContext) => Promise<number>>;
  /** Commands that stay up watch for plugged-in devices; one-shot ones never start a scanner. */
  watches: boolean;
  /** Commands that never write to the data folder also work on a read-only one (write-protected media). */
  onlyReads: boolean;
}

const commands: Record<string, CliCommand> = {
  ingest: { load: async () => (await import('./commands/ingest.js')).ingestCommand, watches: false, onlyReads: false },
  ingests: { load: async () => (await import('./commands/ingests.js')).ingestsCommand, watches: false, onlyReads: true },
  audit: { load: async () => (await import('./commands/audit.js')).auditCommand, watches: false, onlyReads: true },
  recordings: { load: async () => (await import('./commands/recordings.js')).recordingsCommand, watches: false, onlyReads: true },
  receipt: { load: async () => (await import('./commands/receipt.js')).receiptCommand, watches: false, onlyReads: true },
  verify: { load: async () => (await import('./commands/verify.js')).verifyCommand, watches: false, onlyReads: true },
  devices: { load: async () => (await import('./commands/devices.js')).devicesCommand, watches: false, onlyReads: false },
  device: { load: async () => (await import('./commands/devices.js')).deviceCommand, watches: false, onlyReads: false },
  person: { load: async () => (await import('./commands/person.js')).personCommand, watches: false, onlyReads: false },
  checkout: { load: async () => (await import('./commands/checkout.js')).checkoutCommand, watches: false, onlyReads: false },
  checkin: { load: async () => (await import('./commands/checkout.js')).checkinCommand, watches: false, onlyReads: false },
  // `ledger export` writes a file but not the data folder; the audit row it records does, so not read-only.
  ledger: { load: async () => (await import('./commands/ledger.js')).ledgerCommand, watches: false, onlyReads: false },
  deadlines: { load: async () => (await import('./commands/ledger.js')).deadlinesCommand, watches: false, onlyReads: true },
  // Signing writes the bag's tag files and the index; `signoff verify` only reads, but shares the command.
  signoff: { load: async () => (await import('./commands/signoff.js')).signoffCommand, watches: false, onlyReads: false },
  // Writes its package elsewhere, but the exports row and the audit row go into the data folder.
  export: { load: async () => (await import('./commands/export.js')).exportCommand, watches: false, onlyReads: false },
  classify: { load: async () => (await import('./commands/confidentiality.js')).classifyCommand, watches: false, onlyReads: false },
  grant: { load: async () => (await import('./commands/confidentiality.js')).grantCommand, watches: false, onlyReads: false },
  workrecord: { load: async () => (await import('./commands/workrecord.js')).workRecordCommand, watches: false, onlyReads: false },
  disc: { load: async () => (await import('./commands/disc.js')).discCommand, watches: false, onlyReads: false },
  watch: { load: async () => (await import('./commands/watch.js')).watchCommand, watches: true, onlyReads: false },
  serve: { load: async () => (await import('./commands/serve.js')).serveCommand, watches: true, onlyReads: false },
};

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      zone: { type: 'string' },
      operator: { type: 'string' },
      json: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      reserve: { type: 'string' },
      search: { type: 'string' },
      out: { type: 'string' },
      'any-volume': { type: 'boolean', default: false },
      'auto-ingest': { type: 'boolean', default: false },
      serial: { type: 'string' },
      type: { type: 'string' },
      name: { type: 'string' },
      model: { type: 'string' },
      asset: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      state: { type: 'string' },
      device: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      since: { type: 'string' },
      actor: { type: 'string' },
      action: { type: 'string' },
      object: { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
      'new-password-file': { type: 'string' },
      'officer-number': { type: 'string' },
      'cert-number': { type: 'string' },
      unit: { type: 'string' },
      roles: { type: 'string' },
      login: { type: 'string' },
      // The device ledger: checkout, checkin, ledger, deadlines, and ingest --late-reason.
      battery: { type: 'string' },
      storage: { type: 'string' },
      clock: { type: 'string' },
      officer: { type: 'string' },
      category: { type: 'string' },
      'case-number': { type: 'string' },
      'case-name': { type: 'string' },
      place: { type: 'string' },
      'expected-return': { type: 'string' },
      remote: { type: 'boolean', default: false },
      at: { type: 'string' },
      condition: { type: 'string' },
      note: { type: 'string' },
      arrived: { type: 'string' },
      left: { type: 'string' },
      'late-reason': { type: 'string' },
      checkout: { type: 'string' },
      reason: { type: 'string' },
      xlsx: { type: 'string' },
      pdf: { type: 'string' },
      // The lead's sign-off.
      approve: { type: 'boolean', default: false },
      reject: { type: 'boolean', default: false },
      pending: { type: 'boolean', default: false },
      // Evidence export: export --recordings|--ingest --out [--zip] [--purpose].
      recordings: { type: 'string' },
      ingest: { type: 'string' },
      zip: { type: 'boolean', default: false },
      purpose: { type: 'string' },
      // Confidentiality (Art. 14): classify and grant.
      recording: { type: 'string' },
      level: { type: 'string' },
      person: { type: 'string' },
      until: { type: 'string' },
      // Interruption work records: workrecord add.
      explanation: { type: 'string' },
      basis: { type: 'string' },
      // The disc-burn queue: disc plan --media, burn/verify --copy --drive, store --location.
      media: { type: 'string' },
      copy: { type: 'string' },
      drive: { type: 'string' },
      location: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

const wholeNumber = (text: string | undefined, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new Error(`--${name} must be a whole number from 0 to ${max}, not "${text}"`);
  return Number(text);
};

/** `--data ''` or an empty STATION_DATA is a mistake, never "the current folder". */
function chosenDataDir(option: string | undefined): string {
  const chosen = option ?? process.env.STATION_DATA;
  if (chosen === undefined) return defaultDataDir();
  if (chosen.trim() === '') {
    throw new Error(`the data folder is empty (${option === undefined ? 'STATION_DATA' : '--data'}): name a folder, or leave it out for the default`);
  }
  return resolve(chosen);
}

/** In Chinese, then English, as `npm start` speaks when it cannot start the desktop shell. */
const readOnlyRefusal = (command: string, dataDir: string): string =>
  `station: 数据目录 ${dataDir} 无法写入（写保护的介质，或没有写权限），${command} 需要写入，未执行；只读的归档仍可用 recordings、ingests、verify 和 receipt 查看和校验。\n` +
  `station: the data folder ${dataDir} cannot be written (write-protected media, or no permission), so ${command}, which writes to it, did not run; a read-only archive can still be listed and checked with recordings, ingests, verify and receipt.`;

// `station recordings | head -1`: the reader went away; that is the end of the output, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`station: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  const helpFor = name === 'help' ? args[0] : name;
  if (values.help || name === 'help' || name === undefined) {
    out(helpFor && commandHelp[helpFor] ? commandHelp[helpFor] : usage);
    return name === undefined && !values.help ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    err(`station: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  let port: number | undefined;
  let reserve: number | undefined;
  let history: CliContext['options']['history'];
  let sinceSeq: number | undefined;
  let dataDir: string;
  try {
    port = wholeNumber(values.port, 'port', 65535);
    reserve = wholeNumber(values.reserve, 'reserve');
    history = {
      limit: wholeNumber(values.limit, 'limit', 1000),
      offset: wholeNumber(values.offset, 'offset'),
      state: values.state,
      // `ingests --device` is a device's id; the ledger's `--device` is its serial, read by those commands.
      deviceId: name === 'ingests' ? wholeNumber(values.device, 'device') : undefined,
      from: values.from,
      to: values.to,
    };
    sinceSeq = wholeNumber(values.since, 'since');
    dataDir = chosenDataDir(values.data);
  } catch (error) {
    err(`station: ${(error as Error).message}`);
    return 2;
  }
  const operator = values.operator ?? userInfo().username;
  const zone = values.zone ?? process.env.STATION_ZONE ?? defaultZone;
  // In open mode (no admin account yet) the command line runs as an admin, as it always has.
  const openAs = { name: operator, role: 'admin' } as const;
  let credentials;
  try {
    credentials = await credentialsFrom(values.user, values['password-file'], process.env, openAs);
    // Read once: the tools the station runs (ffmpeg, exiftool) inherit the environment.
    delete process.env.STATION_PASSWORD;
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    if (values.json) out(JSON.stringify({ error: { code: 'unauthenticated', message: error.message } }));
    err(`station: ${error.message}`);
    return 3;
  }
  let station;
  try {
    station = await openStation({
      dataDir,
      zone,
      freeSpaceMarginBytes: reserve,
      version: process.env.npm_package_version,
      watch: command.watches
        ? { operator, anyVolume: values['any-volume'] || undefined, autoIngest: values['auto-ingest'] || undefined }
        : undefined,
      onlyReads: command.onlyReads,
    });
  } catch (error) {
    if (error instanceof ReadOnlyDataFolderError) err(readOnlyRefusal(name, error.dataDir));
    else err(`station: cannot open the data folder ${dataDir}: ${(error as Error).message}`);
    return 2;
  }
  try {
    // One sign-in per command line, then its session: one password check (one failure counted for
    // a wrong one) and one sign-in row, however many calls the command makes.
    if (!('role' in credentials) && credentials.login !== undefined && credentials.password !== undefined) {
      const signedIn = await station.call('session.signIn', { login: credentials.login, password: credentials.password }, {});
      if (!signedIn.ok) {
        if (values.json) out(JSON.stringify({ error: signedIn.error }));
        err(`station: ${signedIn.error.message} (${signedIn.error.code})`);
        return 3;
      }
      // A one-shot command keeps the password to open the signer's key (signoff, approvals); one that stays up does not.
      const password = command.watches ? {} : { password: credentials.password };
      credentials = { session: signedIn.value.session ?? '', openAs, ...password };
    }
    return await (await command.load())({
      station,
      credentials,
      openAs,
      zone,
      options: {
        json: values.json,
        port: port ?? 0,
        search: values.search,
        out: values.out,
        anyVolume: values['any-volume'],
        serial: values.serial,
        type: values.type,
        name: values.name,
        model: values.model,
        asset: values.asset,
        history,
        sinceSeq,
        values,
      },
      args,
      out,
      err,
    });
  } finally {
    await station.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
