import { describe, expect, it } from 'vitest';
import { isWithin, typedPath } from '../../../src-main/core/paths.js';

describe('isWithin', () => {
  it('takes a folder to hold itself and what lies below it, not a sibling that shares its name as a prefix', () => {
    expect(isWithin('/media/card', '/media/card', '/')).toBe(true);
    expect(isWithin('/media/card/DCIM/a.MP4', '/media/card', '/')).toBe(true);
    expect(isWithin('/media/card2', '/media/card', '/')).toBe(false);
    expect(isWithin('/media', '/media/card', '/')).toBe(false);
    expect(isWithin('/anything', '/', '/')).toBe(true);
    expect(isWithin('E:\\DCIM', 'E:\\', '\\')).toBe(true);
    expect(isWithin('E:\\DCIM', 'F:\\', '\\')).toBe(false);
  });
});

describe('typedPath', () => {
  it('strips the quotes a file manager adds and expands ~ to the home folder', () => {
    expect(typedPath('"/media/card4"', '/home/officer')).toBe('/media/card4');
    expect(typedPath(" '/media/my card' ", '/home/officer')).toBe('/media/my card');
    expect(typedPath('/media/card4/', '/home/officer')).toBe('/media/card4/');
    expect(typedPath('~/cards/c1', '/home/officer')).toBe('/home/officer/cards/c1');
    expect(typedPath('"~"', '/home/officer')).toBe('/home/officer');
  });

  it('refuses a relative path with the cause the interface turns into a hint', () => {
    for (const typed of ['card4', '"./card4"', '~officer/card', '']) {
      expect(() => typedPath(typed, '/home/officer')).toThrow(expect.objectContaining({ code: 'invalid-input', errorCause: 'relative-path' }));
    }
  });
});
