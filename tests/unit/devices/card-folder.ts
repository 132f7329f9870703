import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A recorder's storage laid out in a real folder: relative path → content (a number: that many random bytes). */
export function cardFolder(parent: string, files: Record<string, string | number>): string {
  const root = mkdtempSync(join(parent, 'card-'));
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'number' ? randomBytes(content) : content);
  }
  return root;
}

/** `count` GA/T 947 names of one recorder and officer, a minute apart, under `folder`. */
export function recorderFiles(folder: string, serial: string, officer: string, count: number, first = 1): Record<string, number> {
  const files: Record<string, number> = {};
  for (let i = first; i < first + count; i += 1) {
    const minute = String(i % 60).padStart(2, '0');
    files[`${folder}/${serial}_${officer}_20261126_08${minute}15_${String(i).padStart(4, '0')}.MP4`] = 64;
  }
  return files;
}

/** Every name, size, modification time and content hash under a folder: what any write would change. */
export function folderState(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory()) {
        lines.push(`${prefix}${name}/ ${stats.mtimeMs}`);
        walk(path, `${prefix}${name}/`);
      } else {
        lines.push(`${prefix}${name} ${stats.size} ${stats.mtimeMs} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      }
    }
  };
  walk(root, '');
  return lines;
}
