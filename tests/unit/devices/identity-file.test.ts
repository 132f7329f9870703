import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { addProfile, listProfiles } from '../../../src-main/core/devices/device-profiles.js';
import { identityValue, readIdentityFiles } from '../../../src-main/core/devices/identity-file.js';
import { StationError } from '../../../src-main/core/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { cardFolder } from './card-folder.js';

describe('identity files and device profiles', () => {
  const dir = tempDir('identity-file');

  it('takes the first non-empty line, or the first group of a pattern, and refuses what cannot be a serial', () => {
    expect(identityValue('\uFEFF\r\n  1234567  \r\nfirmware 2.1\r\n', null)).toBe('1234567');
    expect(identityValue('[device]\nModel=ZF-9\nSerialNo=ZF9000123\n', '^SerialNo=(\\w+)')).toBe('ZF9000123');
    expect(identityValue('SN ZF9000123', 'ZF\\d+')).toBe('ZF9000123');
    expect(identityValue('[device]\nModel=ZF-9\n', '^SerialNo=(\\w+)')).toBeNull();
    expect(identityValue('\n \n', null)).toBeNull();
    expect(identityValue('x'.repeat(65), null)).toBeNull();
  });

  it("reads the files the profiles name that exist on the volume, a model's own profile first", async () => {
    const db = openDatabase(join(dir, 'profiles.db'));
    addProfile(db, { model: 'ZF-9', identityFile: 'SYSTEM\\INFO.INI', serialPattern: '^SerialNo=(\\w+)' }, 1);
    const profiles = listProfiles(db);
    expect(profiles.map((p) => p.identityFile)).toEqual(['SYSTEM/INFO.INI', 'DEVICE.TXT', 'SERIAL.TXT', 'MISC/ID.TXT']);
    const card = cardFolder(dir, {
      'SYSTEM/INFO.INI': '[device]\r\nSerialNo=ZF9000123\r\n',
      'MISC/ID.TXT': 'ID-0042\n',
      'DCIM/100MEDIA/FILE0001.MP4': 64,
    });
    const readings = await readIdentityFiles(card, profiles);
    expect(readings.map(({ file, value }) => ({ file, value }))).toEqual([
      { file: 'SYSTEM/INFO.INI', value: 'ZF9000123' },
      { file: 'MISC/ID.TXT', value: 'ID-0042' },
    ]);
    db.close();
  });

  it('refuses profiles whose file would be outside the device, or whose pattern is broken', () => {
    const db = openDatabase(join(dir, 'bad-profiles.db'));
    for (const identityFile of ['../etc/passwd', '/etc/passwd', 'A/../../B', '.']) {
      const error = (() => {
        try {
          addProfile(db, { model: null, identityFile, serialPattern: null });
        } catch (e) {
          return e;
        }
      })();
      expect(error, identityFile).toBeInstanceOf(StationError);
      expect((error as StationError).code).toBe('invalid-input');
    }
    expect(() => addProfile(db, { model: null, identityFile: 'ID.TXT', serialPattern: '(' })).toThrow(/regular expression/);
    expect(listProfiles(db)).toHaveLength(3);
    db.close();
  });
});
