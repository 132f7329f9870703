import { open, type FileHandle } from 'node:fs/promises';

/** An uncompressed WAV file as its own header describes it. */
export interface PcmWav {
  /** ffprobe's name for the sample format (`pcm_s16le`, `pcm_f32le`, ...), so both paths report alike. */
  codec: string;
  /** The length the header declares. */
  declaredSeconds: number;
  /** The length of the sample data the file really holds, up to the declared length. */
  heldSeconds: number;
}

// WAVE_FORMAT_* tags whose data is plain samples: every byte plays, at a fixed number of bytes a second.
const PCM = 0x0001;
const IEEE_FLOAT = 0x0003;
const ALAW = 0x0006;
const MULAW = 0x0007;
const EXTENSIBLE = 0xfffe;

// A header that keeps its chunks past these is not a recorder's: ffprobe judges it instead.
const MAX_CHUNKS = 64;
// The longest format chunk read: WAVE_FORMAT_EXTENSIBLE's, whose sub-format GUID ends at byte 40.
const EXTENSIBLE_FMT_BYTES = 40;
// The sub-format GUID after its first two bytes (the format code): the same for every standard format.
const SUBFORMAT_GUID_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex');
// A plain RIFF counts in 32 bits: past this the sizes wrap, and only RF64 (left to ffprobe) says them.
const RIFF_MAX_BYTES = 0xffffffff;
// What a writer puts in the data chunk's size when it never came back to fill it in: the data then
// runs to the end of the file (as ffmpeg reads it).
const SIZE_UNSET = new Set([0, 0xffffffff]);

function codecOf(format: number, bits: number): string | null {
  if (format === PCM) return bits === 8 ? 'pcm_u8' : [16, 24, 32].includes(bits) ? `pcm_s${bits}le` : null;
  if (format === IEEE_FLOAT) return bits === 32 || bits === 64 ? `pcm_f${bits}le` : null;
  if (format === ALAW && bits === 8) return 'pcm_alaw';
  if (format === MULAW && bits === 8) return 'pcm_mulaw';
  return null;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : null;
}

interface Format {
  codec: string;
  bytesPerSecond: number;
}

function formatOf(fmt: Buffer): Format | null {
  const tag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  const blockAlign = fmt.readUInt16LE(12);
  const bits = fmt.readUInt16LE(14);
  let format = tag;
  if (tag === EXTENSIBLE) {
    // The real format is in the first two bytes of the sub-format GUID. Samples narrower than their
    // container (20 bits in 24) are named by ffprobe after the narrower size: left to it.
    if (fmt.length < EXTENSIBLE_FMT_BYTES || !fmt.subarray(26).equals(SUBFORMAT_GUID_TAIL)) return null;
    const validBits = fmt.readUInt16LE(18);
    if (validBits !== bits && validBits !== 0) return null;
    format = fmt.readUInt16LE(24);
  }
  const codec = codecOf(format, bits);
  if (codec === null || channels === 0 || sampleRate === 0 || blockAlign !== (channels * bits) / 8) return null;
  return { codec, bytesPerSecond: sampleRate * blockAlign };
}

/**
 * Reads a RIFF/WAVE header chunk by chunk (a few small reads, whatever the file's size) and returns
 * what it declares and holds, or null for anything but plain samples in a little-endian RIFF of
 * under 4 GiB (compressed audio, RF64, RIFX, a damaged header): those go to ffprobe.
 *
 * Why not ffprobe for these: a recorder writes a dozen audio notes a shift, each ffprobe start is a
 * fork of the station, and ffprobe reads a cut WAV as a shorter complete one, where the header's
 * data size shows what was lost.
 */
export async function readPcmWav(path: string): Promise<PcmWav | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > RIFF_MAX_BYTES) return null;
    const riff = await readAt(file, 0, 12);
    if (riff === null || riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') return null;
    let format: Format | null = null;
    let offset = 12;
    for (let chunk = 0; chunk < MAX_CHUNKS && offset + 8 <= size; chunk++) {
      const header = await readAt(file, offset, 8);
      if (header === null) return null;
      const id = header.toString('latin1', 0, 4);
      const length = header.readUInt32LE(4);
      const body = offset + 8;
      if (id === 'fmt ') {
        const fmt = length >= 16 ? await readAt(file, body, Math.min(length, EXTENSIBLE_FMT_BYTES)) : null;
        format = fmt === null ? null : formatOf(fmt);
        if (format === null) return null;
      } else if (id === 'data') {
        if (format === null) return null;
        const held = size - body;
        const declared = SIZE_UNSET.has(length) ? held : length;
        return {
          codec: format.codec,
          declaredSeconds: declared / format.bytesPerSecond,
          heldSeconds: Math.min(declared, held) / format.bytesPerSecond,
        };
      }
      // Chunks are padded to an even length.
      offset = body + length + (length % 2);
    }
    return null;
  } finally {
    await file.close();
  }
}
