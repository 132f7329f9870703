import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { DateTime } from 'luxon';
import type { LedgerEntry, LedgerExport } from '../../contract/index.js';
import { StationError } from '../errors.js';
import { writeLedgerPdf, writeLedgerXlsx } from '../ledger-export/index.js';

interface ExportPlace {
  dataDir: string;
  zone: string;
  stationName: string;
  now: number;
  iso: (ms: number) => string;
}

/** Where the export goes: the path asked for (absolute), else `<data>/exports/ledger-<YYYYMMDD-HHmmss>.<ext>`. */
function exportPath(request: LedgerExport, place: ExportPlace): string {
  if (request.path !== undefined) {
    if (!isAbsolute(request.path)) throw new StationError('invalid-input', `give the export's full path, not ${request.path}`, 'relative-path');
    return request.path;
  }
  const stamp = DateTime.fromMillis(place.now, { zone: place.zone }).toFormat('yyyyMMdd-HHmmss');
  return join(place.dataDir, 'exports', `ledger-${stamp}.${request.format}`);
}

/** Writes the ledger rows as the .xlsx sheet or the printable PDF; returns where. */
export async function writeLedgerFile(entries: readonly LedgerEntry[], request: LedgerExport, place: ExportPlace): Promise<string> {
  const path = exportPath(request, place);
  await fs.mkdir(dirname(path), { recursive: true });
  const header = {
    unit: null,
    stationName: place.stationName,
    from: request.from ?? null,
    to: request.to ?? null,
    printedAt: place.iso(place.now),
    language: 'zh-CN' as const,
  };
  await (request.format === 'xlsx' ? writeLedgerXlsx(entries, header, path) : writeLedgerPdf(entries, header, path));
  return path;
}
