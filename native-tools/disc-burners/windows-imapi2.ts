// The Windows burner: IMAPI2 (the burning API Windows ships) driven from PowerShell. Written
// against the documented interfaces (imapi2.h, IMAPI2 on learn.microsoft.com) and NOT run on
// our machines: only its output parsers are tested (tests/unit/discs/burner-backends.test.ts).
import { BurnError, type DiscBurner, type RunTool } from './burner.js';
import {
  checkImapi2Burn,
  imapi2DriveSelector,
  parseImapi2Drives,
  parseImapi2Media,
  parseImapi2Progress,
} from './imapi2-output.js';
import { burnTimeoutMs, refuseBeforeWriting, runFailure } from './refuse-before-writing.js';

const LIST_TIMEOUT_MS = 60_000;

// Every script prints one JSON object a line, and never throws past its end: an IMAPI2 failure
// is printed with its HRESULT so the TypeScript side can say what it means. The drive and the
// image reach the scripts through the environment, never inside the script text, so no path or
// id has to be quoted for PowerShell.
const PRELUDE = String.raw`
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
function Emit($object) { [Console]::Out.WriteLine(($object | ConvertTo-Json -Compress -Depth 4)); [Console]::Out.Flush() }
function Error-Of($record) {
  $e = $record.Exception
  while ($e.InnerException) { $e = $e.InnerException }
  return @{ hresult = [int]$e.HResult; message = [string]$e.Message }
}
function Probe-Media($recorder) {
  try {
    $format = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
    if (-not $format.IsRecorderSupported($recorder)) { return @{ recorderSupported = $false } }
    $format.Recorder = $recorder
    $type = [int]$format.CurrentPhysicalMediaType
    if (-not $format.IsCurrentMediaSupported($recorder)) { return @{ physicalType = $type; supported = $false } }
    return @{ physicalType = $type; supported = $true; blank = [bool]$format.MediaHeuristicallyBlank; freeSectors = [long]$format.FreeSectorsOnMedia }
  } catch { return (Error-Of $_) }
}
function Find-Recorder([string]$want) {
  $master = New-Object -ComObject IMAPI2.MsftDiscMaster2
  for ($i = 0; $i -lt $master.Count; $i++) {
    $recorder = New-Object -ComObject IMAPI2.MsftDiscRecorder2
    $recorder.InitializeDiscRecorder($master.Item($i))
    if ($recorder.ActiveDiscRecorder -eq $want) { return $recorder }
    foreach ($path in @($recorder.VolumePathNames)) { if ($path.TrimEnd('\') -eq $want) { return $recorder } }
  }
  throw "no disc recorder $want"
}
`;

const LIST_SCRIPT = String.raw`
try {
  $master = New-Object -ComObject IMAPI2.MsftDiscMaster2
  for ($i = 0; $i -lt $master.Count; $i++) {
    $id = $master.Item($i)
    $recorder = New-Object -ComObject IMAPI2.MsftDiscRecorder2
    $recorder.InitializeDiscRecorder($id)
    Emit @{ type = 'drive'; id = $id; vendor = [string]$recorder.VendorId; product = [string]$recorder.ProductId; paths = @($recorder.VolumePathNames | ForEach-Object { [string]$_ }); media = (Probe-Media $recorder) }
  }
} catch { $e = Error-Of $_; $e.type = 'error'; Emit $e }
`;

const PROBE_SCRIPT = String.raw`
try {
  $recorder = Find-Recorder $env:STATION_DRIVE
  Emit @{ type = 'media'; media = (Probe-Media $recorder) }
} catch { $e = Error-Of $_; $e.type = 'error'; Emit $e }
`;

// The burn itself is C# compiled by Add-Type, for three things PowerShell cannot do:
// - the image as an IStream: IDiscFormat2Data.Write takes an IStream, and a file is opened as one
//   by SHCreateStreamOnFileEx (shlwapi), the documented call Microsoft's IMAPI2 samples use. It
//   is not scriptable, so it is P/Invoked; ADODB.Stream is not documented to hand out an IStream.
// - BurnVerificationLevel lives on IBurnVerification, an IUnknown interface that IDispatch (and so
//   PowerShell) cannot reach: it is declared here by its IID and cast to.
// - progress: the DDiscFormat2DataEvents Update event needs a COM sink advised on the format's
//   connection point; Register-ObjectEvent does not sink COM events.
// The C# is C# 5 (Windows PowerShell 5.1 compiles with the .NET Framework compiler), and the
// process runs -Mta so IMAPI2 can call the sink from its own thread while Write blocks ours.
const BURN_SOURCE = String.raw`
using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.ComTypes;

[ComImport, Guid("D2FFD834-958B-426D-8470-2A13879C6A91"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
public interface IStationBurnVerification {
  void put_BurnVerificationLevel(int value);
  int get_BurnVerificationLevel();
}

[ComImport, Guid("2735413C-7F64-5B0F-8F00-5D77AFBE261E"), InterfaceType(ComInterfaceType.InterfaceIsIDispatch)]
public interface IStationDataEvents {
  [DispId(0x200)]
  void Update([MarshalAs(UnmanagedType.IDispatch)] object sender, [MarshalAs(UnmanagedType.IDispatch)] object progress);
}

[ComVisible(true), ClassInterface(ClassInterfaceType.None)]
public class StationProgressSink : IStationDataEvents {
  private int lastAction = -1;
  public void Update(object sender, object progress) {
    int action = (int)StationImapi2.Get(progress, "CurrentAction");
    if (action != lastAction) { lastAction = action; Console.Out.WriteLine("PHASE " + action); }
    if (action == 4) { // IMAPI_FORMAT2_DATA_WRITE_ACTION_WRITING_DATA
      long start = (int)StationImapi2.Get(progress, "StartLba");
      long last = (int)StationImapi2.Get(progress, "LastWrittenLba");
      Console.Out.WriteLine("PROGRESS " + ((last - start) * 2048));
    }
    Console.Out.Flush();
  }
}

public static class StationImapi2 {
  [DllImport("shlwapi.dll", CharSet = CharSet.Unicode, ExactSpelling = true, PreserveSig = false)]
  private static extern void SHCreateStreamOnFileEx(string file, uint mode, uint attributes, bool create, IntPtr template, out IStream stream);

  public static object Get(object target, string name) {
    return target.GetType().InvokeMember(name, BindingFlags.GetProperty, null, target, null);
  }
  private static void Set(object target, string name, object value) {
    target.GetType().InvokeMember(name, BindingFlags.SetProperty, null, target, new object[] { value });
  }
  private static object Call(object target, string name, object argument) {
    return target.GetType().InvokeMember(name, BindingFlags.InvokeMethod, null, target, new object[] { argument });
  }

  public static void Burn(string recorderId, string image, string client) {
    object recorder = Activator.CreateInstance(Type.GetTypeFromProgID("IMAPI2.MsftDiscRecorder2"));
    Call(recorder, "InitializeDiscRecorder", recorderId);
    object format = Activator.CreateInstance(Type.GetTypeFromProgID("IMAPI2.MsftDiscFormat2Data"));
    Set(format, "Recorder", recorder);
    Set(format, "ClientName", client);
    Set(format, "ForceMediaToBeClosed", true);
    ((IStationBurnVerification)format).put_BurnVerificationLevel(2); // IMAPI_BURN_VERIFICATION_FULL
    IStream stream;
    SHCreateStreamOnFileEx(image, 0x20 /* STGM_READ | STGM_SHARE_DENY_WRITE */, 0, false, IntPtr.Zero, out stream);
    Guid events = typeof(IStationDataEvents).GUID;
    IConnectionPoint point;
    ((IConnectionPointContainer)format).FindConnectionPoint(ref events, out point);
    int cookie;
    point.Advise(new StationProgressSink(), out cookie);
    try { Call(format, "Write", stream); }
    finally { point.Unadvise(cookie); Marshal.ReleaseComObject(stream); }
  }
}
`;

const BURN_SCRIPT = String.raw`
try {
  $recorder = Find-Recorder $env:STATION_DRIVE
  Add-Type -TypeDefinition $env:STATION_BURN_SOURCE
  [StationImapi2]::Burn([string]$recorder.ActiveDiscRecorder, $env:STATION_IMAGE, 'EvidenceStation')
  Emit @{ type = 'done' }
} catch { $e = Error-Of $_; $e.type = 'error'; Emit $e }
`;

/**
 * powershell.exe's arguments for one script. -EncodedCommand (base64 of UTF-16LE) spares every
 * quoting rule of the Windows command line; the encoded text must stay within its 32,767
 * characters, which is why the C# source travels in the environment instead.
 */
export function powerShellArguments(script: string): string[] {
  const encoded = Buffer.from(PRELUDE + script, 'utf16le').toString('base64');
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Mta', '-EncodedCommand', encoded];
}

/** The scripts, for the test that keeps their encoded command lines within Windows' limit. */
export const imapi2Scripts = { list: LIST_SCRIPT, probe: PROBE_SCRIPT, burn: BURN_SCRIPT } as const;

async function probe(run: RunTool, drive: string, signal?: AbortSignal) {
  const env = { ...process.env, STATION_DRIVE: imapi2DriveSelector(drive) };
  const { stdout } = await run('powershell.exe', powerShellArguments(PROBE_SCRIPT), { timeoutMs: LIST_TIMEOUT_MS, signal, env, name: 'imapi2 media' });
  return parseImapi2Media(stdout, drive);
}

export const imapi2Burner: DiscBurner = {
  name: 'imapi2',

  async drives(run, signal) {
    const { stdout } = await run('powershell.exe', powerShellArguments(LIST_SCRIPT), { timeoutMs: LIST_TIMEOUT_MS, signal, name: 'imapi2 drives' });
    return parseImapi2Drives(stdout);
  },

  async media(run, drive, signal) {
    const { kind, blank, freeBytes } = await probe(run, drive, signal);
    if (kind === 'none') throw new BurnError('no-disc', `no disc in ${drive} (or its tray is open)`);
    return { kind, blank, freeBytes };
  },

  async burn(run, request) {
    try {
      refuseBeforeWriting(await probe(run, request.drive, request.signal), request.bytes, request.drive);
      const env = {
        ...process.env,
        STATION_DRIVE: imapi2DriveSelector(request.drive),
        STATION_IMAGE: request.image,
        STATION_BURN_SOURCE: BURN_SOURCE,
      };
      const { stdout } = await run('powershell.exe', powerShellArguments(BURN_SCRIPT), {
        timeoutMs: burnTimeoutMs(request.bytes),
        signal: request.signal,
        env,
        name: 'imapi2 burn',
        onLine: (line, stream) => {
          const written = stream === 'stdout' ? parseImapi2Progress(line) : null;
          if (written !== null) request.onBytes?.(Math.min(written, request.bytes));
        },
      });
      checkImapi2Burn(stdout);
    } catch (error) {
      throw runFailure(error, request.signal);
    }
  },
};
