import { describe, expect, it } from 'vitest';
import { parseBlkidUdev, parseLsblkJson } from '../../../src-main/core/volumes/block-identity.js';

describe('label and UUID of a block device', () => {
  it('reads lsblk JSON, where udev knows the device', () => {
    const stdout = '{\n   "blockdevices": [\n      {\n         "path": "/dev/sdb1",\n         "label": "EOS DIGITAL",\n         "uuid": "3A6B-1C2D",\n         "fstype": "vfat"\n      }\n   ]\n}\n';
    expect(parseLsblkJson(stdout)).toEqual({ label: 'EOS DIGITAL', uuid: '3A6B-1C2D', fsType: 'vfat' });
  });

  it('reads lsblk JSON without a udev database as all unknown', () => {
    const stdout = '{\n   "blockdevices": [\n      {\n         "path": "/dev/loop0",\n         "label": null,\n         "uuid": null,\n         "fstype": null\n      }\n   ]\n}\n';
    expect(parseLsblkJson(stdout)).toEqual({ label: null, uuid: null, fsType: null });
  });

  it('reads blkid udev output, decoding the escaped label (spaces, Chinese)', () => {
    const stdout = [
      'ID_FS_LABEL=REC_01_中',
      'ID_FS_LABEL_ENC=REC\\x2001\\x20中',
      'ID_FS_UUID=7BFF-F464',
      'ID_FS_UUID_ENC=7BFF-F464',
      'ID_FS_VERSION=1.0',
      'ID_FS_BLOCK_SIZE=512',
      'ID_FS_TYPE=exfat',
      'ID_FS_USAGE=filesystem',
      'ID_PART_TABLE_TYPE=dos',
      '',
    ].join('\n');
    expect(parseBlkidUdev(stdout)).toEqual({ label: 'REC 01 中', uuid: '7BFF-F464', fsType: 'exfat' });
  });

  it('reads a file system without a label as label null', () => {
    expect(parseBlkidUdev('ID_FS_UUID=1234-ABCD\nID_FS_UUID_ENC=1234-ABCD\nID_FS_TYPE=vfat\n')).toEqual({
      label: null,
      uuid: '1234-ABCD',
      fsType: 'vfat',
    });
  });
});
