/** Help texts: `station --help` and `station <command> --help`. */
import { mediaCapacity } from '../../contract/index.js';

/** 4700372992 → 4,700,372,992 (toLocaleString would load the ICU number formatter at every start). */
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** `disc plan`'s capacities, from the contract so they cannot drift: four media to a line. */
const capacities = Object.entries(mediaCapacity).map(([media, bytes]) => `${media} ${withCommas(bytes)}`);
const capacityText = [capacities.slice(0, 4), capacities.slice(4)].map((line) => line.join('; ')).join(';\n           ');

export const usage = `station — evidence ingest station (执法音像记录采集工作站)

Usage: station [--data DIR] [--zone ZONE] <command> [options]

Commands:
  ingest <path>...  Copy every file of folders or mounted volumes into the archive, verified.
  ingests           The import history, newest first, a page at a time.
  recordings        List every archived recording.
  receipt <id>      Print an ingest's receipt (交接单) as a PDF, to sign.
  verify            Re-hash the whole archive against the index and the bag manifests.
  audit list|verify The audit chain of every change and view of evidence, and its proof.
  serve             Start the browser host on 127.0.0.1 and print its URL; watches for devices.
  devices           The volumes attached now, each with the registered device it was recognised as.
  device add|list|local-time  The device registry (Art. 2, 3).
  person add|list   The office's people (officers, clerks, leads, ...) and their accounts.
  watch             Watch for plugged-in recorders; with --auto-ingest, ingest them on their own.
  checkout          Hand a recorder to an officer after its three pre-use checks (台账, Art. 4, 7).
  checkin           Take a recorder back; its footage is due within 24 hours (Art. 13).
  ledger            The device ledger; ledger late-reason, ledger export --xlsx|--pdf.
  deadlines         Every check-out whose footage is not stored yet, soonest deadline first.
  signoff           The lead's signed review of an ingest; signoff list, signoff verify.
  export            An evidence package (BagIt + custody report) of recordings or an ingest;
                    export approve|reject|approvals: the head's signed approval for confidential ones.
  classify          Keep a recording, an ingest or an activity apart at a confidentiality level (Art. 14).
  grant             The head lets a person see state-secret footage until a time.
  workrecord        Interruption work records (停录工作记录, Art. 12): add, approve, reject, file, list, gaps, form.
  disc              Archival discs (Art. 16): request, approve, plan, burn and verify copies A and B;
                    disc image, label, store, list, due, drives.
  help [command]    Show help for a command.

Global options:
  --data DIR        Data folder (station.db, archive/, thumbnails/, logs/). Also STATION_DATA.
                    Default: the per-user folder the desktop program uses. A folder that cannot
                    be written (write-protected media) is opened read-only for recordings,
                    ingests, verify and receipt; other commands refuse it (exit 2).
  --zone ZONE       Station time zone for times without one (default Asia/Shanghai). Also STATION_ZONE.
  --operator NAME   Who is doing this while the station has no admin account (default: the logged-in user).
  --user LOGIN      Sign in as LOGIN, once an admin account exists (then every command but
                    verify, audit verify, serve and --help needs it). The password comes from the
                    environment variable STATION_PASSWORD or --password-file FILE, never an argument.
  --password-file F The password of --user, read from F (one line).

Exit status 3: refused for who is asking — unauthenticated (no --user, or a wrong password),
forbidden (the person's roles do not allow it), locked (five wrong passwords: wait five minutes).
  -h, --help        Show help.

Run "station <command> --help" for a command's options and output.`;

export const commandHelp: Record<string, string> = {
  ingest: `Usage: station ingest <path> [<path> ...] [--late-reason TEXT] [--json]

Copies every regular file under <path> into a new BagIt bag under <data>/archive/<ingestId>/,
hashing (SHA-256) while copying and reading the copy back from disk to verify it. Operating-system
litter, symbolic links and special files are skipped with a reason. Files already archived are
recorded as duplicates and not copied again. Nothing on the source is ever written.
<path> may be quoted ("/media/card") or start with ~/ (the home folder); a relative path is taken
from the current folder.

  --json   Print one JSON object at the end:
           {ingestId, source, archivePath, state, reason,
            files: [{source, originalNameHex, size, sha256, status, archivePath, reason, recordedAt,
                     verification, readable, problemCode, playsSeconds, durationSeconds}],
            totals: {files, bytes, archived, duplicate, skipped, failed, notReached}}
           status: archived | duplicate | skipped | failed; verification: o_direct | buffered | null.
           notReached: files a cancel or crash stopped before (failed with reasonCode cancelled).
           A name that is not UTF-8 (GBK from a Chinese Windows system) is archived under a UTF-8
           name made from it (GBK read as Chinese, else bad bytes replaced and ~<mark> added);
           originalNameHex then holds the path's original bytes in hex, else null.
           Also clock {deviceTime, correctedTime, driftSeconds, basis} per file, and per ingest
           clockDrift {seconds, basis, exceedsTolerance, evidence, metadataZone} and findings
           [{kind, ...}]; metadataZone: UTC, or the station zone for a device confirmed with
           "station device local-time <id> on";
           basis: calibration-clip | gps | station-clock | null (drift = device − true, seconds).
           Also deviceId (the registered device, or null); unregisteredSerial: the recorder serial
           most file names carry when no device is tied (register it with "station device add":
           earlier ingests whose names carry that serial alone are tied to it); importedBefore:
           when an earlier ingest last found files this one found again (ISO-8601), or null.
  --reserve BYTES  Free space to keep on the archive volume beyond each file (default 64 MiB).
  --late-reason TEXT  Why this footage comes in after its 24-hour deadline (Art. 13). Kept on the
           check-out the ingest meets late; ignored when it meets none late. Without it a late
           check-out says "reason missing" until "station ledger late-reason" gives one.

Exit status: 0 nothing failed, 1 a file failed or the ingest stopped, 2 the ingest could not run.
Ctrl-C stops the ingest cleanly; run it again to resume.

Several paths: every one is submitted at once and they copy side by side as far as the station's
ingest limit admits; stderr shows one progress line for all (sources done, files, bytes, speed);
Ctrl-C stops them all. --json then prints a JSON array, one element per path in the order given:
its report as above, or {source, error: {code, message, cause?}} for a path whose ingest could
not start (not there, not a folder, empty, already being ingested). Exit status: 0 when every
path was ingested with nothing failed, 1 when anything failed anywhere (a path that could not
start too; the others are still ingested), 3 when refused for who is asking.`,
  ingests: `Usage: station ingests [--json] [--limit N] [--offset N] [--state S] [--device ID] [--from DAY] [--to DAY]

Lists ingests newest first: start time, state, device, archived/duplicate/skipped/failed counts,
bytes, ingest id and source. The number listed and the number matching go to stderr.
  --limit N      At most N ingests, 1 to 1000 (default 100).
  --offset N     Skip the N newest first (the next page: --offset 100).
  --state S      Only ingests in state S: running | completed | failed | interrupted.
  --device ID    Only ingests of registered device ID (see station device list).
  --from DAY     Only ingests started on or after DAY (YYYY-MM-DD, in the station's zone).
  --to DAY       Only ingests started on or before DAY.
  --json         Print a JSON array of {ingestId, source, archivePath, operator, state, startedAt,
                 finishedAt, reason, reasonCode, deviceId, device, totals, clockDrift, findingCount}.
Exit status: 0 listed, 2 a filter was not understood.`,
  audit: `Usage: station audit list [--json] [--since SEQ] [--actor NAME] [--action A] [--object PREFIX]
                          [--from DAY] [--to DAY]
       station audit verify [--json]

Every change (a device registered or matched to a card, a setting, an ingest started, cancelled
and finished) and every view of a recording or receipt printed is a row of a hash chain, written in the same transaction as the change; the station
signs a checkpoint of the chain's head (its own Ed25519 key, keys/ in the data folder) every 100
rows, every hour and at shutdown.
  list           Rows oldest first: seq, time, actor, role, action, object, hash.
    --since SEQ  Only rows after SEQ.
    --actor NAME Only rows of this person (the name as recorded; station for its own).
    --action A   Only this action: devices.add, ingest.start, recordings.play, session.sign-in, ...
    --object P   Only objects starting with P: device:3, ingest:, recording:12.
    --from DAY, --to DAY  Only rows on or after / on or before these days (YYYY-MM-DD, the
                 station's zone).
    --json       [{seq, at, actor, role, action, object, details, hash}]
  verify         Re-walks the chain and holds it against the signed checkpoints and the
                 Audit-Head in every bag's bag-info.txt (a log cut short below a bag's head is
                 truncated; another row at that seq, altered):
                 {rows, checkpoints, ok, problems: [{seq, problem}]}, problem
                 altered | missing | inserted | reordered | truncated | bad-signature.
Exit status: 0 listed / intact, 1 a problem found, 2 it could not run.`,
  recordings: `Usage: station recordings [--json] [--search TEXT]

Lists every archived recording: time recorded, kind, size, sha256, archive path, device.
  --json   Print a JSON array of {id, sha256, size, archivePath, originalName, kind, recordedAt,
           durationSeconds, device, ingestId, archivedAt, readable, officerNumber, important,
           confidentiality, masked}. confidentiality: the effective level (none | personal-privacy
           | commercial-secret | state-secret), the higher of the recording's and its check-out's.
           masked: true when the signed-in person may not see it: originalName and archivePath
           read "(confidential)", recordedAt, durationSeconds, officerNumber and officer are null,
           and --search does not match its name or officer number.`,
  receipt: `Usage: station receipt <ingestId> [--out FILE] [--json]

Prints the ingest's receipt (交接单) as an A4 PDF: the device, the officer numbers its file names
carry, the source, station, operator and times, every file with its size, SHA-256 and result, and
lines for the officer's and the desk's signatures. Needs a Chinese font (Debian: fonts-noto-cjk).
  --out FILE   Where to write it (default: receipt-<ingestId>.pdf in the current folder).
  --json       Print {ingestId, path}.
Exit status: 0 written, 2 not written (no such ingest, no font, cannot write).`,
  verify: `Usage: station verify [--json]

Re-hashes every archived file from disk and compares it with the index and its bag's manifest,
and each bag's tag files (bag-info.txt, …) with its tag manifest (tagmanifest-sha256.txt).
Reports missing, altered and unknown files; never repairs anything.
  --json   Print {checked, problems: [{path, problem: missing | altered | unknown}]}.
Exit status: 0 the archive is intact, 1 a problem was found, 2 the check could not run.`,
  serve: `Usage: station serve [--port N] [--any-volume] [--auto-ingest]

Starts the browser host on 127.0.0.1 (never other interfaces) with a new random token, and
prints the URL to open (the token is in its #fragment, which the browser never sends on). The
page sends the token in a header and sets no cookie, so stations on several ports run side by
side in one browser. Requests without the token are refused. While it runs it watches for
plugged-in devices, as the desktop program does. Stop with Ctrl-C.
  --port N        Port to listen on, 0 to 65535 (default 0: any free port).
  --any-volume    Also offer volumes the system does not call removable (built-in SD readers).
  --auto-ingest   Ingest recognised devices on their own for this run, whatever the setting says.`,
  devices: `Usage: station devices [--json] [--any-volume]

Looks once at the volumes attached now and recognises each: by the recorder serial in its file
names, by a device profile's identity file, or by the volume UUID or label remembered earlier.
  --json         Print [{mountpoint, label, uuid, fsType, removable, sizeBytes, freeBytes, deviceId,
                 device, how, serial, state, ...}]; how: file-name-serial | identity-file |
                 volume-uuid | volume-label | null (not recognised).
  --any-volume   Also list volumes the system does not call removable.`,
  person: `Usage: station person add --name N [--officer-number X] [--cert-number C] [--unit U]
                         [--roles R1,R2] [--login L] [--new-password-file F] [--json]
       station person list [--json]

The office's people. --officer-number is the 6 letters or digits recorders write into file names
(unique); --cert-number the enforcement certificate number (执法证号). --roles (default officer)
from: officer (执法人员), clerk (内勤), lead (执法队负责人), head (主要领导), auditor, admin; a
person may hold several. --login gives the person an account; its password comes from the
environment variable STATION_NEW_PASSWORD or --new-password-file F (at least 8 characters),
never an argument. Officers who only wear recorders need no account.
While no admin account exists the station runs open (anyone may do anything, as before accounts);
the first person added with --roles admin and a --login ends that: from then on every command
needs --user. Only admins add people.

  --json   add: {id, name, officerNumber, certNumber, unit, roles, login, active};
           list: an array of those.
Exit status: 0 done, 1 refused for what was asked (a taken officer number or login, a bad role),
3 refused for who asked.`,
  device: `Usage: station device add --serial S --type T [--name N] [--model M] [--asset A] [--json]
       station device list [--json]
       station device local-time <id> on|off [--json]

The device registry. T is one of body-camera (执法记录仪), camera, audio-recorder, video-camera,
handheld-terminal, other. A serial is registered once (letter case ignored).
  list --json   Print [{id, type, serial, name, model, assetNumber, purchaseDate, status,
                metadataLocalTime}].
  add --json    Print the registered device.
  local-time <id> on|off
                Confirm (on) or withdraw (off) that device <id> writes local time into its MP4
                header times (QuickTime:CreateDate), which the format defines as UTC, as many
                body cameras do. Its later ingests read those times in the station zone (--zone)
                and report clockDrift.metadataZone; no time-zone finding is raised for it.
                --json prints the device.`,
  watch: `Usage: station watch [--json] [--auto-ingest] [--any-volume]

Runs until SIGINT or SIGTERM, reporting devices as they come and go; a partial copy is discarded
when it stops. With --auto-ingest every recognised device is ingested (verified) on its own, all
at once (up to the maxConcurrentIngests setting, 16 by default; more wait their turn), and
reported safe to remove when done.
  --json   One JSON object per line:
           {type: "volume.attached" | "volume.updated", mountpoint, deviceId, state, safeToRemove,
            ingestId, reason, how, serial, ...}
           {type: "volume.detached", mountpoint, deviceId}
           {type: "ingest.started", ingestId, mountpoint, source}
           {type: "ingest.completed", ingestId, mountpoint, totals}
           {type: "ingest.failed", ingestId, mountpoint, reason, reasonCode}
           state: identifying | unknown-device | ready | ingesting | verified | failed.
  --any-volume   Also watch volumes the system does not call removable (loop devices, SD readers).`,
  checkout: `Usage: station checkout --device SERIAL --officer OFFICER_NUMBER --battery ok|fail --storage ok|fail
                        --clock ok|fail [--category C] [--case-number N] [--case-name S] [--place P]
                        [--expected-return ISO] [--remote] [--at ISO] [--json]

Hands a registered, in-service recorder that is not out to the officer with that officer number
(see station person add), after Art. 7's three pre-use checks: battery sufficient, storage free,
clock set. Any check "fail" refuses the check-out. An officer holds one body camera at a time
unless the setting bodyCamerasPerOfficer allows more.
  --category C   investigation (调查取证) | hearing (听证) | on-site (现场执法) |
                 service-left (留置送达) | service-notice (公告送达).
  --remote       Remote or out-of-town work (Art. 13's exception); the deadline still runs from the return.
  --at ISO       When it really happened, for a hand-over written up later (not in the future);
                 the audit row keeps both times. A time without a zone is the station's (--zone).
  --json   Print {checkoutId, device: {id, serial}, officer: {id, name, officerNumber},
           checkedOutAt, expectedReturnAt, checks: {battery, storage, clock}, remote}.
Exit 0 checked out; 1 refused (error.code device-unavailable, unknown-officer,
pre-use-check-failed, invalid-input), printed as {error: {code, message}} with --json; 3 refused
for who is asking (unauthenticated, forbidden, locked).`,
  checkin: `Usage: station checkin --device SERIAL [--at ISO] [--condition ok|damaged|lost] [--note T]
                       [--arrived ISO --left ISO] [--json]

Takes a checked-out recorder back. Its deadline is the return plus the setting
ingestDeadlineHours (24): an ingest of the device that verifies every file before then meets it.
  --at ISO        When it came back (default now; not in the future, not before the check-out).
  --arrived ISO --left ISO  When the officer arrived at and left the scene (Art. 8), both or neither.
  --json   Print {checkoutId, returnedAt, deadline}.
Exit 0 checked in; 1 refused (device-unavailable: not checked out; invalid-input); 3 as checkout.`,
  ledger: `Usage: station ledger [--json] [--from DAY] [--to DAY] [--device SERIAL] [--officer NUMBER]
       station ledger late-reason --checkout ID --reason TEXT [--json]
       station ledger export --xlsx FILE | --pdf FILE [same filters] [--json]

The device ledger (台账), newest check-out first; --from/--to are days (YYYY-MM-DD, station zone)
of the check-out, inclusive.
  --json   Print [{checkoutId, device: {id, serial, name}, officer: {id, name, officerNumber},
           checkedOutAt, expectedReturnAt, returnedAt, deadline, state, lateReason,
           checks: {battery, storage, clock}, remote, condition, note, arrivedAt, leftAt,
           activity: {category, caseNumber, caseName, place},
           content: {ingests: [ingestId], recordings, bytes, durationSeconds, firstRecordedAt,
                     lastRecordedAt}, checkedOutBy, checkedInBy}].
           state: out | overdue-return (past its expected return) | returned (awaiting ingest) |
           ingested (met) | late (ingested after the deadline) | overdue (deadline passed).
           content: the recordings of the device whose drift-corrected time lies between the
           check-out and the return (now while out).
  late-reason   Why the footage came in (or will come in) after its deadline; for a late or
                overdue check-out. --json prints the ledger entry.
  export        The ledger as an .xlsx sheet or an A4 landscape PDF to print and sign; --json
                prints {path, rows}. Recorded in the audit chain.`,
  export: `Usage: station export (--recordings ID,ID… | --ingest ID) --out DIR [--zip] [--purpose TEXT] [--json]
       station export approve ID [--json]
       station export reject ID --reason TEXT [--json]
       station export approvals [--json]

Makes an evidence package for a complaint, a court or a review in DIR (new, or an empty folder):
a BagIt bag with the original archived files under data/<ingestId>/, each copied and checked
against the index's SHA-256 (a mismatch stops the export; the archive is only read), its
manifest-sha256.txt (check it with "sha256sum -c manifest-sha256.txt" inside DIR), bag-info.txt,
the lead's sign-offs (signoffs/<ingestId>/), custody-report.pdf (保管链报告, in Chinese) and a
README.txt that says how to check everything. Recorded in the audit chain.
  --zip          Also write DIR.zip of the folder.
  --purpose T    What it is for (a complaint number, a court case), printed in the report.
  --json         Print {exportId, path, files, bytes, zipPath}.
Confidential recordings need the head's signed approval: without one, a request is filed and the
command is refused (approval-needed, exit 3) with its number. The head runs
"station export approve N" (signed with the head's key, opened by STATION_PASSWORD) or
"station export reject N --reason T"; the requester then runs the same export again, and the
package holds approval.json, approval.sig and approver.pem.
  approvals      Every request, newest first; --json prints [{id, state, recordingIds,
                 requestedBy, requestedAt, decidedBy, decidedAt, reason}].`,
  workrecord: `Usage: station workrecord add --device SERIAL --from ISO --to ISO --reason fault|weather|obstruction|other
                          --explanation TEXT [--basis TEXT] [--officer NUMBER] [--json]
       station workrecord approve ID [--json]
       station workrecord reject ID --reason TEXT [--json]
       station workrecord file ID [--json]
       station workrecord list [--state submitted|approved|rejected|filed] [--json]
       station workrecord gaps [--json]
       station workrecord form ID [--out FILE.pdf] [--json]

Why a recorder stopped recording (Art. 12), written after the fact, reviewed by the head of the
unit, and filed.
  add      A submitted record. --reason: fault (device fault, damage, battery, storage) | weather
           (weather, natural causes) | obstruction (by the party or others) | other (force
           majeure); --basis what supports it. The officer is --officer's, else the one the ledger
           had the device out to when recording stopped; the check-out likewise. A detected pause
           (recording-gap finding) on the device that meets the range is linked to it.
           --json prints the record: {id, state, device: {id, serial, name},
           officer: {id, name, officerNumber} | null, checkoutId, from, to, reason, explanation,
           basis, gapFinding: {findingId, ingestId, from, to, gapSeconds} | null, submittedBy,
           submittedAt, decidedBy, decidedAt, decisionReason, statementSha256, filedBy, filedAt}.
  approve, reject  The head's decision on a submitted record, signed with the head's key under
           the password the command line signed in with (--user, STATION_PASSWORD). Head only.
  file     An approved record filed (备案存档).
  list     Every record, newest first; --json prints an array of records.
  gaps     Detected pauses inside an activity no record names yet ("needs a work record"):
           --json prints [{findingId, ingestId, from, to, gapSeconds, device, officer,
           checkoutId, source, previous}].
  form     The record as an A4 PDF to print and sign (填报人, 执法队负责人, 单位主要领导);
           default <data>/exports/work-record-ID-<time>.pdf. Recorded in the audit chain.
Exit 0 done; 1 refused (not-found, unknown-officer, invalid-input); 3 refused for who is asking
(unauthenticated, forbidden: approve and reject are the head's).`,
  disc: `Usage: station disc request (--ingest ID | --recordings ID,ID… | --checkout ID)
                          --reason dispute|obstruction|major --case-number N --case-name S [--json]
       station disc approve REQUEST_ID [--json] | reject REQUEST_ID --reason TEXT [--json]
       station disc plan REQUEST_ID --media cd-r|dvd+r|dvd-r|dvd+r-dl|bd-r|bd-r-dl [--json]
       station disc burn DISC_ID --copy A|B --drive DEVICE|stdio:PATH [--json]
       station disc verify DISC_ID --copy A|B --drive DEVICE|stdio:PATH [--json]
       station disc image DISC_ID --out DIR [--json]
       station disc store DISC_ID --copy A|B --location TEXT [--json]
       station disc label DISC_ID [--pdf FILE] [--json]
       station disc list | requests | due | drives [--json]

Footage of a disputed case, of obstruction or assault on officers, or of another major or
sensitive matter is kept long-term on two identical discs (一式两份, Art. 16).
  request  What to keep (an ingest, recordings, or a check-out's footage), why (dispute |
           obstruction | major) and the case. --json prints the request: {requestId, state,
           reason, caseNumber, caseName, source, recordingIds, files, bytes, confidentiality,
           requestedBy, requestedAt, decidedBy, decidedAt, decisionReason, statementSha256,
           media, discs}. States: requested, approved, rejected, planned, burning, verified,
           labelled, stored.
  approve, reject  A lead's decision, signed with the lead's key under the password the command
           line signed in with (--user, STATION_PASSWORD); footage above "none" needs the head.
  plan     Splits the request over discs of one medium by whole files (disc n of m). Capacities:
           ${capacityText} bytes. A file larger than the medium is
           refused, naming one that holds it. Planning again replaces discs not yet written.
           --json prints {requestId, media, discs: [{discId, index, of, bytes, files}]}.
  burn     Builds the disc's one image (ISO 9660 level 3, Rock Ridge, Joliet, MD5 per file; the
           originals, MANIFEST.sha256, the sign-offs, custody-report.pdf, LABEL.json, 标签.txt,
           README.txt) once, burns it, then checks the copy three ways: the image read back and
           its SHA-256 compared, xorriso -check_md5_r over every file, every file against
           MANIFEST.sha256. --drive: an optical drive (/dev/sr0) or stdio:PATH (a file, or a block
           device such as a loop device, as the drive). A disc too small or missing is refused
           before anything is written. Progress on stderr; Ctrl-C cancels. --json prints
           {discId, copy, imageSha256, bytes, verified, checks: {image, md5, manifest}, problem}.
  verify   A re-check of a burned copy: the three checks again, recorded; same output.
  image    Writes the image to DIR/DISC_ID.iso to burn elsewhere; unburned copies show
           "image-only". --json prints {discId, path, imageSha256}.
  store    Where a verified copy is kept (room, cabinet).
  label    The label PDF: disc face and sleeve insert for copies A and B, with the unit, producer,
           time, case, disc n of m, disc id, the image's SHA-256 and a QR code of both. Default
           <data>/exports/disc-label-DISC_ID-<time>.pdf.
  list     The register: [{discId, requestId, caseNumber, caseName, reason, index, of, media,
           volumeId, files, bytes, imageSha256, imageBytes, labelledAt, copies: [{copy, state,
           burnedAt, verifiedAt, location, nextCheckDue, problem, checks}]}].
  requests Every request, newest first, with its discs.
  due      The register's copies whose re-check is due (setting discRecheckMonths, default 12).
  drives   Optical drives and their media: [{device, vendor, model, media: {kind, blank,
           freeBytes}}].
Exit 0 done; 1 refused or a check failed (verified false); 3 refused for who is asking
(unauthenticated, forbidden).`,
  deadlines: `Usage: station deadlines [--json]

Every check-out not met yet (out, overdue-return, returned, overdue) and every late one still
without a reason, soonest deadline first; recorders still out come last.
  --json   Print [{checkoutId, device: {id, serial, name}, officer: {id, name, officerNumber},
           returnedAt, deadline, secondsLeft, state}]; secondsLeft is negative once the deadline
           has passed, null while the recorder is out.`,
  signoff: `Usage: station signoff INGEST_ID --approve | --reject --reason TEXT [--json]
       station signoff list [--pending] [--json]
       station signoff verify [--json]

The enforcement team lead (执法队负责人), or the head, reviews an ingest and signs the decision
with their own Ed25519 key, unlocked by the password they signed in with (--user and
STATION_PASSWORD). The signed statement (signoff.json: ingest id, the SHA-256 of the bag's tag
manifest without the sign-off's own lines, decision, reason, signer, time, audit head), its
signature (signoff.sig, 64 raw bytes) and the signer's public key (signer.pem) are written into
the bag and listed in its tag manifest. An approved ingest is sealed. The ingest's own operator
and anyone who is not a lead or the head are refused (exit 3, forbidden); a sealed ingest
refuses another decision (exit 1, sealed).
  --json   signoff: {ingestId, decision: approved | rejected, signer, signedAt, statementSha256}
           list:    [{ingestId, state: pending | approved | rejected, signer, signedAt, reason}]
           verify:  {checked, ok, problems: [{ingestId, problem: bad-signature | bag-changed |
                    unknown-key, detail}]}; exit 1 when any problem is found.
  --pending  Only ingests not approved yet (undecided, or rejected and back with the clerk).

Anyone can check a bag's sign-off without the station, in the bag's folder:
  openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in signoff.json -sigfile signoff.sig
  grep -v -E '  (signoff\.json|signoff\.sig|signer\.pem)$' tagmanifest-sha256.txt | sha256sum
  (the second prints the tagManifestSha256 that signoff.json names), then
  sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt`,
  classify: `Usage: station classify (--recording ID | --ingest ID | --checkout ID) --level LEVEL [--json]

Sets the confidentiality level (Art. 14) of one recording, of every recording an ingest archived,
or of an activity (a check-out: its level covers every recording its window holds). A recording's
level is the higher of its own and its check-out's. Clerks, leads and the head may raise a level;
only the head may lower one. Recorded in the audit chain.
  --level  none | personal-privacy | commercial-secret | state-secret
           personal-privacy and commercial-secret: seen by leads, the head, auditors and the
           recording's own officer; state-secret: the head, and those the head grants it to.
  --json   Print {level, recordings}: the level set, and how many recordings it covers.
Exit status: 0 set, 1 refused (no such recording, ingest or check-out; a bad level), 3 not allowed.`,
  grant: `Usage: station grant --person ID (--recording ID | --ingest ID) --until TIME [--json]

The head lets a person (their id in "station person list") see the state-secret footage of one
recording, or of every recording of an ingest, until TIME (ISO-8601; without a zone, the station's).
Recorded in the audit chain.
  --json   Print {id, personId, name, recordingId, ingestId, until, grantedBy, grantedAt}.
Exit status: 0 granted, 1 refused (no such person or recording; a time past), 3 not the head.`,
};
