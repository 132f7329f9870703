// The Windows (IMAPI2) and macOS (hdiutil) backends cannot run here. These tests check only what
// can be checked on Linux: that their parsers read outputs written from the tools' documentation,
// that progress lines become bytes, that errors become the failure a person can act on, and that
// nothing is written when the disc cannot take the image. They do NOT show that burning works.
import { describe, expect, it } from 'vitest';
import { BurnError, type RunTool } from '../../../native-tools/disc-burners/burner.js';
import {
  hdiutilDevice,
  hdiutilFailure,
  hdiutilProgress,
  parseDrutilList,
  parseDrutilStatus,
  parsePuppetLine,
} from '../../../native-tools/disc-burners/hdiutil-output.js';
import {
  checkImapi2Burn,
  imapi2DriveSelector,
  imapi2Failure,
  parseImapi2Drives,
  parseImapi2Media,
  parseImapi2Progress,
} from '../../../native-tools/disc-burners/imapi2-output.js';
import { hdiutilBurner } from '../../../native-tools/disc-burners/macos-hdiutil.js';
import { burnTimeoutMs, refuseBeforeWriting } from '../../../native-tools/disc-burners/refuse-before-writing.js';
import { imapi2Burner, imapi2Scripts, powerShellArguments } from '../../../native-tools/disc-burners/windows-imapi2.js';

const DVD_PLUS_R = 4_700_372_992;
const ID = String.raw`\\?\scsi#cdrom&ven_hl-dt-st&prod_dvdram_gh24nsd1#5&2b2a2a4&0&000000#{53f56308-b6bf-11d0-94f2-00a0c91efb8b}`;

async function burnError(promise: Promise<unknown>): Promise<BurnError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BurnError);
  return error as BurnError;
}

describe('IMAPI2 script output', () => {
  // As ConvertTo-Json -Compress prints the listing script's hashtables (key order is not kept).
  const listing = [
    JSON.stringify({ type: 'drive', id: ID, vendor: 'HL-DT-ST', product: 'DVDRAM GH24NSD1 ', paths: ['E:\\'], media: { physicalType: 6, supported: true, blank: true, freeSectors: 2_295_104 } }),
    JSON.stringify({ type: 'drive', id: 'usb-bd', vendor: 'PIONEER ', product: 'BD-RW   BDR-XD07', paths: [], media: { hresult: -1062600190, message: 'There is no media in the device.' } }),
    JSON.stringify({ type: 'drive', id: 'reader', vendor: 'TSSTcorp', product: 'DVD-ROM SH-118CB', paths: ['F:\\'], media: { recorderSupported: false } }),
    JSON.stringify({ type: 'drive', id: 'pressed', vendor: 'ASUS', product: 'DRW-24D5MT', paths: ['G:\\'], media: { physicalType: 4, supported: false } }),
  ].join('\r\n');

  it('lists burners by drive letter (else unique id) with their media, and leaves readers out', () => {
    expect(parseImapi2Drives(listing)).toEqual([
      { device: 'E:', vendor: 'HL-DT-ST', model: 'DVDRAM GH24NSD1', media: { kind: 'DVD+R', blank: true, freeBytes: DVD_PLUS_R } },
      { device: 'usb-bd', vendor: 'PIONEER', model: 'BD-RW   BDR-XD07', media: { kind: 'none', blank: false, freeBytes: null } },
      { device: 'G:', vendor: 'ASUS', model: 'DRW-24D5MT', media: { kind: 'DVD-ROM', blank: false, freeBytes: null } },
    ]);
  });

  it('reads a BD-R by its physical type and free sectors', () => {
    const media = parseImapi2Media(JSON.stringify({ type: 'media', media: { physicalType: 18, supported: true, blank: true, freeSectors: 12_219_392 } }), 'E:');
    expect(media).toEqual({ kind: 'BD-R', blank: true, freeBytes: 25_025_314_816, writable: true });
  });

  it('says no IMAPI2 when the script failed as a whole', () => {
    const stdout = JSON.stringify({ type: 'error', hresult: -2147221005, message: 'Invalid class string' });
    expect(() => parseImapi2Drives(stdout)).toThrow(/IMAPI2 0x800401F3: Invalid class string/);
  });

  it.each([
    [0xc0aa0202, 'no-disc'],
    [-1062600190, 'no-disc'],
    [0xc0aa0405, 'not-blank'],
    [0xc0aa0404, 'disc-full'],
    [0xc0aa0406, 'wrong-medium'],
    [0xc0aa0002, 'cancelled'],
    [0xc0aa0007, 'failed'], // E_IMAPI_BURN_VERIFICATION_FAILED: the drive's own verify found a difference
  ])('maps HRESULT %i to %s', (hresult, failure) => {
    expect(imapi2Failure(hresult)).toBe(failure);
  });

  it('finishes a burn only on `done`, and throws the error the script printed', () => {
    expect(() => checkImapi2Burn('PHASE 4\r\nPROGRESS 2048\r\n{"type":"done"}\r\n')).not.toThrow();
    expect(() => checkImapi2Burn('PHASE 4\r\nPROGRESS 2048\r\n')).toThrow(/ended without/);
    let thrown: unknown;
    try {
      checkImapi2Burn('{"message":"The media is not blank.","hresult":-1062599675,"type":"error"}');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BurnError);
    expect((thrown as BurnError).failure).toBe('not-blank');
  });

  it('reads progress lines only', () => {
    expect(parseImapi2Progress('PROGRESS 1048576')).toBe(1_048_576);
    expect(parseImapi2Progress('PROGRESS 1048576\r')).toBe(1_048_576);
    expect(parseImapi2Progress('PHASE 7')).toBeNull();
    expect(parseImapi2Progress('{"type":"done"}')).toBeNull();
  });

  it.each([
    ['e', 'E:'],
    ['E:', 'E:'],
    ['E:\\', 'E:'],
    [ID, ID],
  ])('takes drive %s as %s', (drive, selector) => {
    expect(imapi2DriveSelector(drive)).toBe(selector);
  });

  it('encodes each script as UTF-16LE base64 within the Windows command line limit', () => {
    for (const script of Object.values(imapi2Scripts)) {
      const args = powerShellArguments(script);
      const encoded = args.at(-1)!;
      expect(args.slice(0, -1)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Mta', '-EncodedCommand']);
      expect(Buffer.from(encoded, 'base64').toString('utf16le')).toContain(script);
      expect(['powershell.exe', ...args].join(' ').length).toBeLessThan(32_767);
    }
  });

  it('refuses an image larger than the free space before it starts the burn script', async () => {
    const calls: string[] = [];
    const run: RunTool = async (command, args, options) => {
      calls.push(`${command} ${options.name ?? ''}`);
      return { stdout: JSON.stringify({ type: 'media', media: { physicalType: 6, supported: true, blank: true, freeSectors: 2_295_104 } }), stderr: '' };
    };
    const error = await burnError(imapi2Burner.burn(run, { image: 'C:\\disc.iso', bytes: DVD_PLUS_R + 2048, drive: 'E:' }));
    expect(error.failure).toBe('disc-full');
    expect(calls).toEqual(['powershell.exe imapi2 media']);
  });
});

describe('drutil and hdiutil output', () => {
  const list = [
    '   Vendor   Product           Rev   Bus       SupportLevel',
    '1  HL-DT-ST DVDRW  GX40N      RQ00  USB       Unsupported',
    '2  PIONEER  BD-RW   BDR-XD07  1.01  USB       Unsupported',
    '',
  ].join('\n');

  const blankDvd = [
    ' Vendor   Product           Rev ',
    ' HL-DT-ST DVDRW  GX40N      RQ00',
    '',
    '           Type: DVD+R                Name: /dev/disk4',
    '       Sessions: 0                  Tracks: 0 ',
    '   Overwritable:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB',
    '     Space Free:  510:03:29         blocks:  2295104 /   4.70GB /   4.38GiB',
    '     Space Used:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB',
    '    Writability: appendable, blank',
    '',
  ].join('\n');

  it('lists drives by number, vendor and product (names with spaces)', () => {
    expect(parseDrutilList(list)).toEqual([
      { index: 1, vendor: 'HL-DT-ST', product: 'DVDRW  GX40N' },
      { index: 2, vendor: 'PIONEER', product: 'BD-RW   BDR-XD07' },
    ]);
  });

  it('reads a blank DVD+R with its free blocks', () => {
    expect(parseDrutilStatus(blankDvd)).toEqual({ kind: 'DVD+R', blank: true, freeBytes: DVD_PLUS_R, writable: true });
  });

  it('reads an empty tray, a closed disc and a pressed disc', () => {
    expect(parseDrutilStatus(' Vendor   Product           Rev \n HL-DT-ST DVDRW  GX40N      RQ00\n\n           Type: No Media Inserted\n').kind).toBe('none');
    const closed = blankDvd.replace('Writability: appendable, blank', 'Writability: ').replace('blocks:  2295104', 'blocks:        0');
    expect(parseDrutilStatus(closed)).toEqual({ kind: 'DVD+R', blank: false, freeBytes: 0, writable: true });
    const pressed = parseDrutilStatus(blankDvd.replace('Type: DVD+R   ', 'Type: DVD-ROM ').replace('appendable, blank', ''));
    expect(pressed).toMatchObject({ kind: 'DVD-ROM', writable: false });
  });

  it('picks the hdiutil device of drutil drive N, and refuses when the lists disagree', () => {
    const devices = 'IOService:/AppleARMPE/arm-io/usb-drd0/HL-DT-ST DVDRW  GX40N\nIOService:/AppleARMPE/arm-io/usb-drd1/PIONEER BD-RW   BDR-XD07\n';
    expect(hdiutilDevice(devices, { index: 2, vendor: null, product: null }, 2)).toBe('IOService:/AppleARMPE/arm-io/usb-drd1/PIONEER BD-RW   BDR-XD07');
    expect(() => hdiutilDevice(devices, { index: 1, vendor: null, product: null }, 3)).toThrow(BurnError);
  });

  it('reads puppetstrings lines', () => {
    expect(parsePuppetLine('PERCENT:12.345678')).toEqual({ percent: 12.345678 });
    expect(parsePuppetLine('PERCENT:-1.000000')).toEqual({ percent: -1 });
    expect(parsePuppetLine('MESSAGE:Writing track')).toEqual({ message: 'Writing track' });
    expect(parsePuppetLine('Preparing data for burn')).toBeNull();
  });

  it('turns percentages into growing byte counts, full once hdiutil verifies', () => {
    const seen: number[] = [];
    const feed = hdiutilProgress(1_000_000, (bytes) => seen.push(bytes));
    for (const line of ['MESSAGE:Preparing data for burn', 'PERCENT:-1.000000', 'MESSAGE:Writing track', 'PERCENT:25.0', 'PERCENT:20.0', 'PERCENT:50.5', 'MESSAGE:Verifying burn…', 'PERCENT:10.0', 'MESSAGE:Burn completed successfully']) {
      feed(line);
    }
    expect(seen).toEqual([250_000, 505_000, 1_000_000]);
  });

  it.each([
    ['hdiutil: burn failed - No media is present in the device.', 'no-disc'],
    ['hdiutil: burn failed - The media is not blank.', 'not-blank'],
    ['hdiutil: burn failed - There is not enough space on the media.', 'disc-full'],
    ['hdiutil: burn failed - The media is not of the appropriate type for the operation.', 'wrong-medium'],
    ['hdiutil: burn failed - The device\'s tray is open.', 'tray-open'],
    ['hdiutil: burn failed - The burn was canceled.', 'cancelled'],
    ['hdiutil: burn failed - The device failed to respond properly, unable to recover or retry.', 'failed'],
  ])('maps %s to %s', (message, failure) => {
    expect(hdiutilFailure(message)).toBe(failure);
  });

  it('refuses a non-blank disc before hdiutil runs', async () => {
    const calls: string[] = [];
    const run: RunTool = async (command, args) => {
      calls.push([command, ...args].join(' '));
      const closed = blankDvd.replace('Writability: appendable, blank', 'Writability: ');
      return { stdout: args[0] === 'list' ? list : closed, stderr: '' };
    };
    const error = await burnError(hdiutilBurner.burn(run, { image: '/tmp/disc.iso', bytes: 2048, drive: '1' }));
    expect(error.failure).toBe('not-blank');
    expect(calls).toEqual(['drutil list', 'drutil status -drive 1']);
  });
});

describe('the refusals both untested backends share', () => {
  const blank = { kind: 'DVD+R', blank: true, freeBytes: DVD_PLUS_R, writable: true };

  it('lets an image that fits exactly through', () => {
    expect(() => refuseBeforeWriting(blank, DVD_PLUS_R, 'E:')).not.toThrow();
  });

  it.each([
    [{ ...blank, kind: 'none', writable: false }, 'no-disc'],
    [{ ...blank, kind: 'DVD-ROM', writable: false }, 'wrong-medium'],
    [{ ...blank, blank: false }, 'not-blank'],
    [{ ...blank, freeBytes: DVD_PLUS_R - 2048 }, 'disc-full'],
  ])('refuses %o as %s', (media, failure) => {
    let thrown: unknown;
    try {
      refuseBeforeWriting(media, DVD_PLUS_R, 'E:');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as BurnError).failure).toBe(failure);
  });

  it('allows a BD-R DL burn and verify at 1 MB/s before timing out', () => {
    expect(burnTimeoutMs(50_050_629_632)).toBe(15 * 60_000 + 100_102 * 1000);
  });
});
