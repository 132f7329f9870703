import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/** Where a media tool was found: the operating system's own build, or the one shipped in node_modules. */
export type BinarySource = 'system' | 'bundled';
export type MediaToolName = 'ffprobe' | 'ffmpeg';

export interface ResolvedBinary {
  name: MediaToolName;
  path: string;
  source: BinarySource;
}

const require = createRequire(import.meta.url);

// The npm installers resolve their binary when they are required, and throw on a platform they
// do not ship for: require them only when no system binary exists.
const BUNDLED_PACKAGES: Record<MediaToolName, string> = {
  ffprobe: '@ffprobe-installer/ffprobe',
  ffmpeg: '@ffmpeg-installer/ffmpeg',
};

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: MediaToolName, searchPath: string, platform: NodeJS.Platform): string | null {
  const fileName = platform === 'win32' ? `${name}.exe` : name;
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, fileName);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function bundledPath(name: MediaToolName): string {
  let path: string;
  try {
    path = (require(BUNDLED_PACKAGES[name]) as { path: string }).path;
  } catch (error) {
    throw new Error(`No ${name} on PATH and the bundled one (${BUNDLED_PACKAGES[name]}) is unavailable: ${String(error)}`);
  }
  // In a packaged Electron app the binary cannot run from inside the asar archive;
  // electron-builder unpacks it next to it (asarUnpack).
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** The npm-shipped build, or null where that package ships none for this platform. */
function bundledIfShipped(name: MediaToolName): string | null {
  try {
    const path = bundledPath(name);
    return isExecutableFile(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * ffmpeg: a system binary is preferred — distributions patch and update theirs, and an
 * administrator can swap it; the npm-shipped build keeps a station without one working.
 * ffprobe: the shipped static build first. The station starts ffprobe once per recording, and a
 * distribution's build loads its shared libraries at every start (Debian's links 215: about 60 ms
 * of CPU a start, against 1 ms for the static one), which alone cost about a CPU-second per
 * verified GiB of recorder footage. Its findings are the same (the media tests run with both).
 */
export function resolveBinary(
  name: MediaToolName,
  searchPath: string = process.env.PATH ?? '',
  platform: NodeJS.Platform = process.platform,
): ResolvedBinary {
  const shipped = name === 'ffprobe' ? bundledIfShipped(name) : null;
  if (shipped !== null) return { name, path: shipped, source: 'bundled' };
  const system = findOnPath(name, searchPath, platform);
  if (system !== null) return { name, path: system, source: 'system' };
  return { name, path: bundledPath(name), source: 'bundled' };
}

const chosen = new Map<MediaToolName, ResolvedBinary>();

/** The binary this process uses, looked up once (PATH does not change under a running station). */
export function chosenBinary(name: MediaToolName): ResolvedBinary {
  let binary = chosen.get(name);
  if (binary === undefined) {
    binary = resolveBinary(name);
    chosen.set(name, binary);
  }
  return binary;
}

export function ffprobePath(): string {
  return chosenBinary('ffprobe').path;
}

export function ffmpegPath(): string {
  return chosenBinary('ffmpeg').path;
}

/**
 * glibc's allocator settings for ffmpeg and ffprobe runs, as GLIBC_TUNABLES (a glibc that does not
 * know one ignores it). Each run decodes or parses a few frames of 1080p and exits, and by default
 * every frame buffer (3 MB) is a fresh mmap whose pages fault in one by one and are unmapped on
 * free: a batch of four calibration searches took 22 800 page faults and 0.68 CPU-s. Kept in the
 * heap (thresholds above any frame; 32 MiB, the most an older glibc accepts for mmap) and on
 * transparent huge pages (`hugetlb=1`, glibc 2.35+): 6 400 faults and 0.42 CPU-s, for 16 MB more
 * memory while it runs.
 */
const MEDIA_TOOL_TUNABLES = ['glibc.malloc.hugetlb=1', 'glibc.malloc.mmap_threshold=33554432', 'glibc.malloc.trim_threshold=268435456'];

/**
 * The environment ffmpeg and ffprobe run in: `base` with the allocator settings above added to any
 * it has. Read at every start, not kept: the command line takes passwords out of the station's
 * environment so that no tool inherits them.
 */
export function mediaToolEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const own = base.GLIBC_TUNABLES;
  return { ...base, GLIBC_TUNABLES: [...(own ? [own] : []), ...MEDIA_TOOL_TUNABLES].join(':') };
}
