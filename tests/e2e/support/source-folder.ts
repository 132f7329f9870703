import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SourceFile {
  relative: string;
  name: string;
  kind: 'video' | 'photo';
  sha256: string;
}

export interface SourceFolder {
  root: string;
  media: SourceFile[];
  litter: string;
}

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

function video(pattern: string, tone: number, createdAt: string, target: string): Promise<void> {
  return ffmpeg([
    '-f', 'lavfi', '-i', `${pattern}=duration=2:size=320x240:rate=25`,
    '-f', 'lavfi', '-i', `sine=frequency=${tone}:duration=2`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
    '-metadata', `creation_time=${createdAt}`,
    target,
  ]);
}

/** A recorder card as it comes back: two clips, a photo, and the litter a Mac leaves behind. */
export async function makeSourceFolder(dir: string): Promise<SourceFolder> {
  const media = join(dir, 'DCIM', '100MEDIA');
  await mkdir(media, { recursive: true });
  await video('testsrc', 440, '2024-05-01T06:03:22Z', join(media, 'CLIP0001.MP4'));
  await video('testsrc2', 880, '2024-05-01T06:10:00Z', join(media, 'CLIP0002.MP4'));
  await ffmpeg(['-f', 'lavfi', '-i', 'smptebars=size=320x240', '-frames:v', '1', '-q:v', '3', join(media, 'IMG_0003.JPG')]);
  await writeFile(join(dir, '.DS_Store'), Buffer.from('Bud1\0\0\0\x01litter from a Mac', 'binary'));

  const files: Omit<SourceFile, 'sha256'>[] = [
    { relative: 'DCIM/100MEDIA/CLIP0001.MP4', name: 'CLIP0001.MP4', kind: 'video' },
    { relative: 'DCIM/100MEDIA/CLIP0002.MP4', name: 'CLIP0002.MP4', kind: 'video' },
    { relative: 'DCIM/100MEDIA/IMG_0003.JPG', name: 'IMG_0003.JPG', kind: 'photo' },
  ];
  const withHashes = await Promise.all(
    files.map(async (file) => ({
      ...file,
      sha256: createHash('sha256').update(await readFile(join(dir, file.relative))).digest('hex'),
    })),
  );
  return { root: dir, media: withHashes, litter: '.DS_Store' };
}
