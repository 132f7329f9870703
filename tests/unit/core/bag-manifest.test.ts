import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, startBag, writeBagTags } from '../../../src-main/core/archive/bag.js';
import { sha256Of } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('BagIt manifest', () => {
  it('percent-encodes CR, LF and % in paths and reads them back', async () => {
    const bag = join(tempDir('bag'), 'b');
    await startBag(bag);
    const names = ['plain.MP4', '100%.txt', 'two\nlines.txt', '中文 名.jpg'];
    for (const name of names) writeFileSync(join(bag, 'data', name), name);
    const entries = names.map((name) => ({ path: name, sha256: sha256Of(join(bag, 'data', name)), size: Buffer.byteLength(name) }));
    await writeBagTags(bag, entries, {
      sourceOrganization: 'o', externalIdentifier: 'x', sourcePath: '/s', sourceDevice: null, station: 's',
      operator: 'op', started: '2026-11-27T00:00:00.000Z', finished: null, state: 'completed', auditHead: null,
    });
    const manifest = await readManifest(bag);
    expect(new Map(entries.map((e) => [e.path, e.sha256]))).toEqual(manifest);
    // Ordinary names stay checkable with the standard tool.
    const plain = execFileSync('sh', ['-c', "grep -v '%' manifest-sha256.txt | sha256sum -c"], { cwd: bag, encoding: 'utf8' });
    expect(plain).toContain('data/plain.MP4: OK');
    expect(plain).toContain('data/中文 名.jpg: OK');
  });
});
