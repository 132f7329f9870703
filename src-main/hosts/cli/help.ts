/** Help texts: `station --help` and `station <command> --help`. */
export const usage = `station — evidence ingest station (执法音像记录采集工作站)

Usage: station [--data DIR] [--zone ZONE] <command> [options]

Commands:
  ingest <path>     Copy every file of a folder or mounted volume into the archive, verified.
  recordings        List every archived recording.
  verify            Re-hash the whole archive against the index and the bag manifests.
  serve             Start the browser host on 127.0.0.1 and print its URL.
  help [command]    Show help for a command.

Global options:
  --data DIR        Data folder (station.db, archive/, logs/). Also STATION_DATA.
                    Default: the per-user folder the desktop program uses.
  --zone ZONE       Station time zone for times without one (default Asia/Shanghai). Also STATION_ZONE.
  --operator NAME   Who is doing this (default: the logged-in user).
  -h, --help        Show help.

Run "station <command> --help" for a command's options and output.`;

export const commandHelp: Record<string, string> = {
  ingest: `Usage: station ingest <path> [--json]

Copies every regular file under <path> into a new BagIt bag under <data>/archive/<ingestId>/,
hashing (SHA-256) while copying and reading the copy back from disk to verify it. Operating-system
litter, symbolic links and special files are skipped with a reason. Files already archived are
recorded as duplicates and not copied again. Nothing on the source is ever written.

  --json   Print one JSON object at the end:
           {ingestId, source, archivePath, state, reason,
            files: [{source, size, sha256, status, archivePath, reason, recordedAt, verification}],
            totals: {files, bytes, archived, duplicate, skipped, failed}}
           status: archived | duplicate | skipped | failed; verification: o_direct | buffered | null.
  --reserve BYTES  Free space to keep on the archive volume beyond each file (default 64 MiB).

Exit status: 0 nothing failed, 1 a file failed or the ingest stopped, 2 the ingest could not run.
Ctrl-C stops the ingest cleanly; run it again to resume.`,
  recordings: `Usage: station recordings [--json] [--search TEXT]

Lists every archived recording: time recorded, kind, size, sha256, archive path, device.
  --json   Print a JSON array of {id, sha256, size, archivePath, originalName, kind, recordedAt,
           durationSeconds, device, ingestId, archivedAt, readable}.`,
  verify: `Usage: station verify [--json]

Re-hashes every archived file from disk and compares it with the index and its bag's manifest.
Reports missing, altered and unknown files; never repairs anything.
  --json   Print {checked, problems: [{path, problem: missing | altered | unknown}]}.
Exit status: 0 the archive is intact, 1 a problem was found, 2 the check could not run.`,
  serve: `Usage: station serve [--port N]

Starts the browser host on 127.0.0.1 (never other interfaces) with a new random token, and
prints the URL to open. Requests without the token are refused. Stop with Ctrl-C.
  --port N   Port to listen on (default 0: any free port).`,
};
