import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDiscLabelPdf } from '../../../src-main/core/discs/disc-label-pdf.js';
import { discReadme, type DiscLabelFacts } from '../../../src-main/core/discs/disc-label.js';
import { readQr, type GrayImage } from '../../helpers/qr.js';
import { tempDir } from '../../helpers/temp-dir.js';

const facts: DiscLabelFacts = {
  unitName: '东城区城市管理综合行政执法局第三执法队',
  producer: '李秀英',
  madeAt: '2026-11-26T01:05:00.000Z',
  zone: 'Asia/Shanghai',
  caseName: '王府井大街占道经营当事人拒不配合案',
  caseNumber: '东城管罚〔2026〕第0173号',
  reason: 'obstruction',
  discId: 'D20261126-0007-2',
  volumeId: 'D20261126_0007_2',
  index: 2,
  of: 3,
  media: 'dvd+r',
  files: 12,
  bytes: 4_123_456_789,
  imageSha256: createHash('sha256').update('the image of disc 2 of 3').digest('hex'),
  imageBytes: 4_124_000_256,
};

/** A binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function readPgm(file: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not an 8-bit binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const gray = file.subarray(header[0].length);
  if (gray.length !== width * height) throw new Error(`a ${width}×${height} PGM with ${gray.length} bytes of pixels`);
  return { width, height, gray };
}

/** pdftoppm's pages as grayscale images, one per page, in page order. */
function renderPages(pdf: string, dir: string): GrayImage[] {
  execFileSync('pdftoppm', ['-r', '100', '-gray', pdf, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((name) => name.startsWith('page') && name.endsWith('.pgm'))
    .sort()
    .map((name) => readPgm(readFileSync(join(dir, name))));
}

const readPageQr = (page: GrayImage) => readQr(page, { inversionAttempts: 'dontInvert' });

describe('the disc label PDF', () => {
  it('prints every Art. 16 fact, both copies, the full hash and a QR code with the disc id and hash', async () => {
    const dir = tempDir('disc-label');
    const pdf = join(dir, 'label.pdf');
    await writeDiscLabelPdf(facts, pdf);

    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    for (const fact of [facts.unitName, facts.producer, facts.caseName, facts.caseNumber, facts.discId, facts.volumeId, '2026-11-26 09:05', '第 2 张，共 3 张', '一式两份', '当事人逃避、拒绝或阻碍执法', '4,123,456,789']) {
      expect(text).toContain(fact);
    }
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('副本 A');
    expect(pages[0]).not.toContain('副本 B');
    expect(pages[1]).toContain('副本 B');
    // The hash is printed in two halves: whitespace between them is layout, not content.
    for (const p of pages) expect(p.replace(/\s+/g, '')).toContain(facts.imageSha256);

    const images = renderPages(pdf, dir);
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.gray.length).toBeGreaterThan(1000);
      const qr = readPageQr(image);
      expect(qr, 'a QR code on the page').not.toBeNull();
      expect(JSON.parse(qr!)).toEqual({ discId: facts.discId, sha256: facts.imageSha256 });
    }
  });

  it('before the image is built says the hash is not there yet, and prints no QR code', async () => {
    const dir = tempDir('disc-label-early');
    const pdf = join(dir, 'label.pdf');
    await writeDiscLabelPdf({ ...facts, imageSha256: null, imageBytes: null }, pdf);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('镜像尚未生成');
    expect(text).toContain(facts.discId);
    const images = renderPages(pdf, dir);
    expect(images).toHaveLength(2);
    for (const image of images) expect(readPageQr(image)).toBeNull();
  });

  it('keeps a long case name off the QR code: the facts shrink, the code still reads', async () => {
    const dir = tempDir('disc-label-long');
    const pdf = join(dir, 'label.pdf');
    const caseName = '关于王府井大街沿线商户长期占道经营、拒不配合执法人员现场检查并辱骂执法人员一案'.repeat(7).slice(0, 300);
    await writeDiscLabelPdf({ ...facts, caseName }, pdf);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(caseName);
    const [first] = renderPages(pdf, dir);
    expect(JSON.parse(readPageQr(first!)!)).toEqual({ discId: facts.discId, sha256: facts.imageSha256 });
  });
});

describe("the disc README's commands", () => {
  it('check the files, the sign-off and the whole image with sha256sum, openssl and head alone', () => {
    const root = tempDir('disc-readme');
    const ingest = 'ING-20261126-0001';
    mkdirSync(join(root, 'data', ingest, 'DCIM'), { recursive: true });
    writeFileSync(join(root, 'data', ingest, 'DCIM', '录像_0001.MP4'), 'frames');
    writeFileSync(join(root, 'MANIFEST.sha256'), execFileSync('sha256sum', [`data/${ingest}/DCIM/录像_0001.MP4`], { cwd: root }));
    const signoffs = join(root, 'signoffs', ingest);
    mkdirSync(signoffs, { recursive: true });
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const statement = Buffer.from(JSON.stringify({ type: 'signoff', ingestId: ingest }));
    writeFileSync(join(signoffs, 'signoff.json'), statement);
    writeFileSync(join(signoffs, 'signoff.sig'), sign(null, statement, privateKey));
    writeFileSync(join(signoffs, 'signer.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    // The image stands in for the disc (/dev/sr0): it is longer than the image, as a disc's last block is.
    const image = Buffer.from('an ISO image of the disc');
    const device = join(root, 'sr0');
    writeFileSync(device, Buffer.concat([image, Buffer.alloc(2048)]));
    const imageSha256 = createHash('sha256').update(image).digest('hex');

    const readme = discReadme({ ...facts, imageSha256, imageBytes: image.length, manifestName: 'MANIFEST.sha256', signoffIngests: [ingest], hasCustodyReport: false });
    const commands = [...new Set(readme.split('\n').filter((line) => /^ {4}(sha256sum|openssl|head) /.test(line)).map((line) => line.trim()))];
    expect(commands).toHaveLength(3);
    const run = (command: string) => execFileSync('sh', ['-c', command.replace('/dev/sr0', device)], { cwd: root, encoding: 'utf8' });
    expect(run(commands.find((c) => c.startsWith('sha256sum'))!)).toContain(': OK');
    expect(run(commands.find((c) => c.startsWith('openssl'))!)).toContain('Signature Verified Successfully');
    expect(run(commands.find((c) => c.startsWith('head'))!).split(' ')[0]).toBe(imageSha256);
  });
});
