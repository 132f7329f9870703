import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db/database.js';
import { addDevice, listIdentities } from '../../../src-main/core/devices/device-store.js';
import { recognizeVolume, rememberVolume } from '../../../src-main/core/devices/recognize-volume.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { cardFolder, folderState, recorderFiles } from './card-folder.js';

describe('recognising which device a volume is', () => {
  const dir = tempDir('recognize');
  let db: Database;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(join(dir, `station-${(n += 1)}.db`));
    return () => db.close();
  });
  const volume = (mountpoint: string, uuid: string | null = null, label: string | null = null) => ({ mountpoint, uuid, label });

  it('knows a registered recorder by the serial in its file names, the most frequent one winning', async () => {
    const recorder = addDevice(db, { type: 'body-camera', serial: '1234567' });
    const stray = addDevice(db, { type: 'body-camera', serial: '7654321' });
    const card = cardFolder(dir, {
      ...recorderFiles('DCIM/100MEDIA', '1234567', '123456', 9),
      ...recorderFiles('DCIM/100MEDIA', '7654321', '654321', 2, 40),
      'DEVICE.TXT': '7654321\n',
    });
    const result = await recognizeVolume(db, volume(card, 'FFCA-F37B', 'DSJ'));
    expect(result).toEqual({
      deviceId: recorder.id,
      how: 'file-name-serial',
      serial: '1234567',
      candidates: [
        { how: 'file-name-serial', value: '1234567', deviceIds: [recorder.id], files: 9 },
        { how: 'file-name-serial', value: '7654321', deviceIds: [stray.id], files: 2 },
        // The names decided: the identity file was not even opened.
        { how: 'volume-uuid', value: 'FFCA-F37B', deviceIds: [] },
        { how: 'volume-label', value: 'DSJ', deviceIds: [] },
      ],
    });
  });

  it('offers the serial of an unknown recorder for registration, and knows it once registered', async () => {
    const card = cardFolder(dir, recorderFiles('DCIM/100MEDIA', 'AB12345', '123456', 3));
    const unknown = await recognizeVolume(db, volume(card));
    expect(unknown).toMatchObject({ deviceId: null, how: null, serial: 'AB12345' });
    const device = addDevice(db, { type: 'body-camera', serial: unknown.serial! });
    expect(await recognizeVolume(db, volume(card))).toMatchObject({ deviceId: device.id, how: 'file-name-serial' });
  });

  it("knows a device by a profile's identity file when its names carry no serial", async () => {
    const camera = addDevice(db, { type: 'camera', serial: 'CAM0001' });
    const card = cardFolder(dir, { 'DCIM/100CANON/IMG_0001.JPG': 64, 'SERIAL.TXT': '\uFEFFcam0001\r\n' });
    const result = await recognizeVolume(db, volume(card, '1111-2222'));
    expect(result).toMatchObject({ deviceId: camera.id, how: 'identity-file', serial: 'cam0001' });
    expect(result.candidates[0]).toEqual({ how: 'identity-file', value: 'cam0001', deviceIds: [camera.id], file: 'SERIAL.TXT' });
  });

  it('remembers a confirmed match by UUID and label, and recognises the volume by them next time', async () => {
    const recorder = addDevice(db, { type: 'audio-recorder', serial: 'ZOOM-H5-0042' });
    const card = cardFolder(dir, { 'STEREO/FOLDER01/ZOOM0001.WAV': 64 });
    const plugged = volume(card, 'ABCD-1234', 'H5_SD');
    const first = await recognizeVolume(db, plugged);
    expect(first).toMatchObject({ deviceId: null, how: null, serial: null });

    const remembered = rememberVolume(db, recorder.id, plugged, first, 5000);
    expect(remembered.map((i) => `${i.kind}=${i.value}@${i.rememberedAt}`)).toEqual(['volume-label=H5_SD@5000', 'volume-uuid=ABCD-1234@5000']);
    expect(await recognizeVolume(db, plugged)).toMatchObject({ deviceId: recorder.id, how: 'volume-uuid' });
    // Where the platform gives no UUID, the label remembered is what is left.
    expect(await recognizeVolume(db, volume(card, null, 'H5_SD'))).toMatchObject({ deviceId: recorder.id, how: 'volume-label' });
  });

  it('does not trust a label when the device is remembered with another UUID, nor one that two devices share', async () => {
    const a = addDevice(db, { type: 'body-camera', serial: 'DEV-A' });
    const b = addDevice(db, { type: 'body-camera', serial: 'DEV-B' });
    const card = cardFolder(dir, { 'VIDEO/x.bin': 64 });
    rememberVolume(db, a.id, volume(card, 'AAAA-0001', 'DSJ'));
    // Another recorder of the same model: same label, its own UUID.
    expect(await recognizeVolume(db, volume(card, 'BBBB-0002', 'DSJ'))).toMatchObject({ deviceId: null, how: null });
    rememberVolume(db, b.id, volume(card, null, 'DSJ'));
    const shared = await recognizeVolume(db, volume(card, null, 'DSJ'));
    expect(shared).toMatchObject({ deviceId: null, how: null });
    expect(shared.candidates).toEqual([{ how: 'volume-label', value: 'DSJ', deviceIds: [a.id, b.id] }]);
  });

  it('remembers the file-name serial of a device registered under another serial, and then knows it by its names', async () => {
    const recorder = addDevice(db, { type: 'body-camera', serial: 'DSJ-V7-20230001', assetNumber: 'ZC-7' });
    const card = cardFolder(dir, recorderFiles('DCIM/100MEDIA', '1234567', '123456', 4));
    const first = await recognizeVolume(db, volume(card, 'FFCA-F37B', 'NO NAME'));
    expect(first).toMatchObject({ deviceId: null, serial: '1234567' });
    const remembered = rememberVolume(db, recorder.id, volume(card, 'FFCA-F37B', 'NO NAME'), first);
    // A generic label is not worth remembering: every such card would be this device.
    expect(remembered.map((i) => `${i.kind}=${i.value}`)).toEqual(['file-name-serial=1234567', 'volume-uuid=FFCA-F37B']);
    const reformatted = await recognizeVolume(db, volume(card, '0000-9999', 'NO NAME'));
    expect(reformatted).toMatchObject({ deviceId: recorder.id, how: 'file-name-serial', serial: '1234567' });
  });

  it("does not take another registered device's serial as an alias", async () => {
    const a = addDevice(db, { type: 'body-camera', serial: '1234567' });
    const b = addDevice(db, { type: 'body-camera', serial: '7654321' });
    const card = cardFolder(dir, recorderFiles('DCIM/100MEDIA', '1234567', '123456', 2));
    const found = await recognizeVolume(db, volume(card, 'FFCA-F37B'));
    rememberVolume(db, b.id, volume(card, 'FFCA-F37B'), found);
    expect(listIdentities(db, b.id).map((i) => i.kind)).toEqual(['volume-uuid']);
    // The names still say which recorder made the files.
    expect(await recognizeVolume(db, volume(card, 'FFCA-F37B'))).toMatchObject({ deviceId: a.id, how: 'file-name-serial' });
  });

  it('leaves the volume exactly as it was', async () => {
    addDevice(db, { type: 'camera', serial: 'CAM0001' });
    const card = cardFolder(dir, { ...recorderFiles('DCIM/100MEDIA', 'AB12345', '123456', 5), 'DEVICE.TXT': 'CAM0001\n', 'MISC/ID.TXT': 'x' });
    const before = folderState(card);
    await recognizeVolume(db, volume(card, 'FFCA-F37B', 'DSJ'));
    expect(folderState(card)).toEqual(before);
  });
});
