import { existsSync } from 'node:fs';

export interface FontChoice {
  path: string;
  /** The face inside a font collection (.ttc). */
  family: string;
}

// Fonts with Chinese glyphs where each system keeps them: Debian's fonts-noto-cjk, Windows, macOS.
const candidates: readonly FontChoice[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', family: 'STHeitiSC-Light' },
];

/** Printed forms are in Chinese: without a font that has its glyphs they would print as boxes. */
export class NoChineseFontError extends Error {
  constructor() {
    super('no Chinese font found to print with: install one (on Debian: apt-get install fonts-noto-cjk)');
    this.name = 'NoChineseFontError';
  }
}

export function chineseFont(): FontChoice {
  const found = candidates.find((candidate) => existsSync(candidate.path));
  if (!found) throw new NoChineseFontError();
  return found;
}
