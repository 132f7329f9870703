import { describe, expect, it } from 'vitest';
import { copyOrder, videoNames } from '../../../src-main/core/ingest/copy-order.js';
import type { SourceFile } from '../../../src-main/core/ingest/scan-source.js';

const MiB = 1024 * 1024;

const file = (relative: string, size: number): SourceFile => ({
  relative,
  absolute: Buffer.from(`/card/${relative}`),
  originalNameHex: null,
  size,
  mtimeMs: 0,
  atimeMs: 0,
});

describe('the order a card is copied in', () => {
  // As the scan lists them: by name.
  const scanned = [
    file('DCIM/0001.MP4', 80 * MiB),
    file('DCIM/0002.MP4', 200 * MiB),
    file('DCIM/0003.MP4', 40 * MiB),
    file('DCIM/0004.mp4', 3 * MiB),
    file('DCIM/0005.MP4', 64 * MiB),
    file('LOG/rec.LOG', 1),
    file('PHOTO/0021.JPG', 2 * MiB),
    file('RECORD/0011.WAV', 5 * MiB),
    file('RECORD/0012.DAV', 3 * MiB),
    file('RECORD/0013.DAV', 3 * MiB),
    file('readme', 0),
  ];

  it('takes the small videos first, the smallest first (one size keeps name order), then the rest by name', () => {
    expect(copyOrder(scanned).map((f) => f.relative)).toEqual([
      'DCIM/0004.mp4',
      'RECORD/0012.DAV',
      'RECORD/0013.DAV',
      'DCIM/0003.MP4',
      'DCIM/0001.MP4',
      'DCIM/0002.MP4',
      // 64 MiB is no longer small.
      'DCIM/0005.MP4',
      'LOG/rec.LOG',
      'PHOTO/0021.JPG',
      'RECORD/0011.WAV',
      'readme',
    ]);
  });

  it('copies every file once and leaves the scan as it was', () => {
    const before = scanned.map((f) => f.relative);
    const ordered = copyOrder(scanned);
    expect(new Set(ordered)).toEqual(new Set(scanned));
    expect(ordered).toHaveLength(scanned.length);
    expect(scanned.map((f) => f.relative)).toEqual(before);
  });

  it('names the videos, whatever their case and size', () => {
    expect(videoNames(scanned)).toEqual(['DCIM/0001.MP4', 'DCIM/0002.MP4', 'DCIM/0003.MP4', 'DCIM/0004.mp4', 'DCIM/0005.MP4', 'RECORD/0012.DAV', 'RECORD/0013.DAV']);
  });
});
