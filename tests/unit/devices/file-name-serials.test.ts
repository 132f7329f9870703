import { describe, expect, it } from 'vitest';
import { serialsInFileNames } from '../../../src-main/core/devices/file-name-serials.js';
import { StationError } from '../../../src-main/core/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { cardFolder, recorderFiles } from './card-folder.js';

describe('recorder serials in file names', () => {
  const dir = tempDir('file-name-serials');

  it('counts the serials the names near the top carry, most frequent first, ignoring other names and litter', async () => {
    const card = cardFolder(dir, {
      ...recorderFiles('DCIM/100MEDIA', '1234567', '123456', 12),
      ...recorderFiles('DCIM/101MEDIA', '7654321', '654321', 2),
      'DCIM/100MEDIA/FILE0001.MP4': 64,
      'RECORD/DCAM_AB12345_123456_20261126_083015_IMP.MP4': 64,
      '.Trashes/7777777_123456_20261126083015_0001.MP4': 64,
      'System Volume Information/7777777_123456_20261126083015_0002.MP4': 64,
    });
    expect(await serialsInFileNames(card)).toEqual([
      { serial: '1234567', files: 12 },
      { serial: '7654321', files: 2 },
      { serial: 'AB12345', files: 1 },
    ]);
  });

  it('stops after the number of named files asked for, and does not go deeper than asked', async () => {
    const card = cardFolder(dir, {
      ...recorderFiles('DCIM/100MEDIA', '1234567', '123456', 30),
      ...recorderFiles('A/B/C/D/E', '7654321', '654321', 5),
    });
    const counted = await serialsInFileNames(card, [], { maxNamed: 10 });
    expect(counted).toEqual([{ serial: '1234567', files: 10 }]);
    expect(await serialsInFileNames(card, [], { maxDepth: 2 })).toEqual([{ serial: '1234567', files: 30 }]);
  });

  it("reads a vendor's names through an administrator's extra pattern", async () => {
    const card = cardFolder(dir, { 'VIDEO/ZFJ@9876543@20261126083015.AVI': 64 });
    expect(await serialsInFileNames(card)).toEqual([]);
    const pattern = '^ZFJ@(?<serial>[0-9]{7})@(?<datetime>[0-9]{14})\\.AVI$';
    expect(await serialsInFileNames(card, [pattern])).toEqual([{ serial: '9876543', files: 1 }]);
  });

  it('says the volume cannot be read when its top cannot be opened', async () => {
    const error = await serialsInFileNames(`${dir}/no-such-card`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StationError);
    expect((error as StationError).code).toBe('source-unreadable');
  });
});
