import { describe, expect, it } from 'vitest';
import { isWithin } from '../../../src-main/core/paths.js';

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
