import { describe, expect, it } from 'vitest';
import { nameDirectory } from '../../../src-main/core/sources/index.js';

// 测试 and 录像 as a Chinese Windows system writes them (GBK), not as UTF-8.
const gbkTest = Buffer.from([0xb2, 0xe2, 0xca, 0xd4]);
const gbkRecording = Buffer.from([0xc2, 0xbc, 0xcf, 0xf1]);
const mp4 = Buffer.from('.mp4');
const isUtf8 = (name: string) => Buffer.from(name, 'utf8').toString('utf8') === name && !name.includes('\u0000');

describe('names of a source directory, made valid UTF-8', () => {
  it('keeps UTF-8 names exactly as they are', () => {
    const names = nameDirectory([Buffer.from('1234567_012345_20261126083015_0001.MP4'), Buffer.from('轨迹 01.log')]);
    expect(names.map(({ name, exact }) => ({ name, exact }))).toEqual([
      { name: '1234567_012345_20261126083015_0001.MP4', exact: true },
      { name: '轨迹 01.log', exact: true },
    ]);
  });

  it('keeps a byte-order mark at the start of a name: no byte of a UTF-8 name is dropped', () => {
    const raw = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x2e, 0x74, 0x78, 0x74]);
    const [named] = nameDirectory([raw]);
    expect(named?.exact).toBe(true);
    expect(Buffer.from(named?.name ?? '', 'utf8').equals(raw)).toBe(true);
  });

  it('reads GBK bytes as the Chinese name they spell, and keeps the bytes', () => {
    const raw = Buffer.concat([gbkTest, mp4]);
    expect(nameDirectory([raw, gbkRecording])).toEqual([
      { raw, name: '测试.mp4', exact: false },
      { raw: gbkRecording, name: '录像', exact: false },
    ]);
  });

  it('replaces bytes that are neither UTF-8 nor GBK and marks the name, so two such names stay two', () => {
    // 0xff is no lead byte in GBK, and 0xfe with nothing after it is half a character.
    const first = Buffer.from([0x61, 0xff, 0x2e, 0x62, 0x69, 0x6e]);
    const second = Buffer.from([0x61, 0xfe, 0x2e, 0x62, 0x69, 0x6e]);
    const names = nameDirectory([first, second]).map((entry) => entry.name);
    for (const name of names) {
      expect(isUtf8(name), name).toBe(true);
      // The replacement character shows where a byte was lost; the extension is kept for the file's kind.
      expect(name).toMatch(/^a\uFFFD~[0-9a-f]{8}\.bin$/);
    }
    expect(new Set(names).size).toBe(2);
    // The same bytes are named the same way every time: a second ingest finds the same name.
    expect(nameDirectory([second, first]).map((entry) => entry.name)).toEqual([...names].reverse());
  });

  it('marks a GBK name that would meet a UTF-8 name of the same folder, and leaves the UTF-8 one alone', () => {
    const utf8Name = Buffer.from('测试.mp4');
    const names = nameDirectory([utf8Name, Buffer.concat([gbkTest, mp4])]).map((entry) => entry.name);
    expect(names[0]).toBe('测试.mp4');
    expect(names[1]).toMatch(/^测试~[0-9a-f]{8}\.mp4$/);
  });
});
