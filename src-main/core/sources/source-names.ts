import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { TextDecoder } from 'node:util';

/** One name as a directory holds it: the bytes, and the UTF-8 name it is archived under. */
export interface SourceName {
  raw: Buffer;
  name: string;
  /** False when the bytes are not UTF-8 and `name` had to be made from them. */
  exact: boolean;
}

// ignoreBOM keeps a leading byte-order mark in the name: dropping it would lose bytes of the name unseen.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// A folder copied from a Chinese Windows system onto ext4 keeps its GBK bytes.
const gbk = new TextDecoder('gbk', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function tryDecode(decoder: TextDecoder, raw: Buffer): string | null {
  try {
    return decoder.decode(raw);
  } catch {
    return null;
  }
}

/** A short mark of the original bytes, kept before the extension so the file's kind still shows. */
function withMark(name: string, raw: Buffer): string {
  const mark = `~${createHash('sha256').update(raw).digest('hex').slice(0, 8)}`;
  const extension = extname(name);
  return extension === '' ? name + mark : name.slice(0, -extension.length) + mark + extension;
}

/**
 * Gives every name of one directory a valid UTF-8 name, so a bag's manifest can hold it: UTF-8
 * as it is; else GBK when the bytes are clean GBK; else with the bad bytes replaced and a mark of
 * the original bytes added, since two different bad names can replace to the same text. A made
 * name that meets another name of the directory is marked too: names never collide.
 */
export function nameDirectory(raws: readonly Buffer[]): SourceName[] {
  const named = raws.map((raw): SourceName => {
    const exact = tryDecode(utf8, raw);
    if (exact !== null) return { raw, name: exact, exact: true };
    const fromGbk = tryDecode(gbk, raw);
    return { raw, name: fromGbk ?? withMark(lenientUtf8.decode(raw), raw), exact: false };
  });
  const uses = new Map<string, number>();
  for (const { name } of named) uses.set(name, (uses.get(name) ?? 0) + 1);
  return named.map((entry) => (!entry.exact && (uses.get(entry.name) ?? 0) > 1 ? { ...entry, name: withMark(entry.name, entry.raw) } : entry));
}
