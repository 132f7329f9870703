import { describe, expect, it } from 'vitest';
import { parseMountInfo } from '../../../src-main/core/sources/mount-table.js';

describe('the mount table', () => {
  it('reads mount points with escaped spaces and the file system type', () => {
    const text = [
      '36 35 98:0 / / rw,noatime master:1 - ext4 /dev/vda rw',
      '120 36 7:3 / /media/officer/EOS\\040DIGITAL rw,nosuid - fuseblk /dev/loop3 rw,user_id=0',
      '',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      { mountpoint: '/', fsType: 'ext4', device: '/dev/vda' },
      { mountpoint: '/media/officer/EOS DIGITAL', fsType: 'fuseblk', device: '/dev/loop3' },
    ]);
  });
});
