import { list, type Drive } from 'drivelist';
import { describe, expect, it } from 'vitest';
import { DrivelistAdapter, volumesFromDrives } from '../../../src-main/core/volumes/drivelist-adapter.js';
import { VolumeScanner } from '../../../src-main/core/volumes/volume-scanner.js';

/** A drive as drivelist reports one; fields the filter does not read keep drivelist's usual values. */
const drive = (fields: Partial<Drive> & Pick<Drive, 'device' | 'mountpoints'>): Drive => ({
  blockSize: 512,
  busType: 'USB',
  busVersion: null,
  description: '',
  devicePath: null,
  enumerator: 'USBSTOR',
  error: null,
  isCard: null,
  isReadOnly: false,
  isRemovable: false,
  isSCSI: false,
  isSystem: false,
  isUAS: null,
  isUSB: false,
  isVirtual: false,
  logicalBlockSize: 512,
  raw: fields.device,
  size: 32_000_000_000,
  partitionTableType: 'mbr',
  ...fields,
});

const windows: Drive[] = [
  drive({ device: '\\\\.\\PHYSICALDRIVE0', enumerator: 'SCSI', busType: 'NVME', isSystem: true, mountpoints: [{ path: 'C:\\', label: 'Windows' }, { path: 'D:\\', label: 'DATA' }] }),
  drive({ device: '\\\\.\\PHYSICALDRIVE1', isRemovable: true, isUSB: true, mountpoints: [{ path: 'E:\\', label: 'DSJ-A8' }] }),
  // A USB hard drive: Windows calls it fixed, the bus says USB.
  drive({ device: '\\\\.\\PHYSICALDRIVE2', isUSB: true, mountpoints: [{ path: 'F:\\', label: 'BACKUP' }] }),
  // A built-in SD reader on PCIe: fixed, not USB.
  drive({ device: '\\\\.\\PHYSICALDRIVE3', enumerator: 'SD', busType: 'SD', mountpoints: [{ path: 'G:\\', label: '' }] }),
];

const mac: Drive[] = [
  drive({ device: '/dev/disk0', busType: 'PCI', isSystem: true, mountpoints: [] }),
  drive({ device: '/dev/disk3', busType: 'PCI', isVirtual: true, isSystem: true, mountpoints: [{ path: '/', label: null }, { path: '/System/Volumes/Data', label: null }] }),
  drive({ device: '/dev/disk4', isRemovable: true, isUSB: true, mountpoints: [{ path: '/Volumes/EOS_DIGITAL', label: 'EOS_DIGITAL' }] }),
  // A mounted disk image: virtual, and drivelist calls it removable.
  drive({ device: '/dev/disk5', isRemovable: true, isVirtual: true, mountpoints: [{ path: '/Volumes/Installer', label: 'Installer' }] }),
];

const mountpointsOf = (drives: Drive[], anyVolume: boolean, excludePath: string | null, platform: NodeJS.Platform) =>
  volumesFromDrives(drives, { anyVolume, excludePath, platform }).map((volume) => volume.mountpoint);

describe('volumes from drivelist', () => {
  it('offers removable and USB volumes on Windows, others only with anyVolume, never the system drive', () => {
    expect(mountpointsOf(windows, false, null, 'win32')).toEqual(['E:\\', 'F:\\']);
    expect(mountpointsOf(windows, true, null, 'win32')).toEqual(['D:\\', 'E:\\', 'F:\\', 'G:\\']);
  });

  it('never offers the volume holding the archive, whatever the letter case', () => {
    expect(mountpointsOf(windows, false, 'e:\\Station\\data', 'win32')).toEqual(['F:\\']);
  });

  it('describes an offered volume with its label, and nothing it does not know', () => {
    const [volume] = volumesFromDrives(windows, { anyVolume: false, excludePath: null, platform: 'win32' });
    expect(volume).toEqual({
      mountpoint: 'E:\\',
      device: '\\\\.\\PHYSICALDRIVE1',
      label: 'DSJ-A8',
      uuid: null,
      fsType: 'unknown',
      removable: true,
      sizeBytes: null,
      freeBytes: null,
    });
    expect(volumesFromDrives(windows, { anyVolume: true, excludePath: null, platform: 'win32' }).find((v) => v.mountpoint === 'G:\\')?.label).toBeNull();
  });

  it('offers a camera card on macOS but not disk images or the system volumes', () => {
    expect(mountpointsOf(mac, false, null, 'darwin')).toEqual(['/Volumes/EOS_DIGITAL']);
    expect(mountpointsOf(mac, true, '/Users/officer/station', 'darwin')).toEqual(['/Volumes/EOS_DIGITAL']);
  });

  it("on this machine's real drive list, offers no zram swap and no system disk", async () => {
    const drives = await list();
    expect(drives.length).toBeGreaterThan(0);
    const offered = volumesFromDrives(drives, { anyVolume: true, excludePath: null, platform: 'linux' });
    expect(offered.filter((volume) => volume.device.startsWith('/dev/zram') || volume.mountpoint === '/')).toEqual([]);
  });

  it('runs as a scanner adapter on this machine: loads drivelist, polls, reports no error and stops quietly', async () => {
    const scanner = new VolumeScanner([new DrivelistAdapter({ anyVolume: true, excludePath: null, platform: 'linux', pollMs: 50 })]);
    const errors: Error[] = [];
    scanner.on('error', (error) => errors.push(error));
    await scanner.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const offered = scanner.volumes;
    await scanner.stop();
    expect(errors).toEqual([]);
    expect(offered.filter((volume) => volume.device.startsWith('/dev/zram') || volume.mountpoint === '/')).toEqual([]);
  });
});
