import { describe, expect, it } from 'vitest';
import { parseRange, planFileResponse } from '../../../src-main/hosts/http-range.js';

describe('Range header parsing', () => {
  it.each([
    [undefined, 1000, { kind: 'whole' }],
    ['', 1000, { kind: 'whole' }],
    ['bytes=0-499', 1000, { kind: 'part', range: { start: 0, end: 499 } }],
    ['bytes=500-', 1000, { kind: 'part', range: { start: 500, end: 999 } }],
    ['bytes=-200', 1000, { kind: 'part', range: { start: 800, end: 999 } }],
    ['bytes=-5000', 1000, { kind: 'part', range: { start: 0, end: 999 } }],
    ['bytes=900-5000', 1000, { kind: 'part', range: { start: 900, end: 999 } }],
    ['bytes=999-999', 1000, { kind: 'part', range: { start: 999, end: 999 } }],
    [' bytes=1-2 ', 1000, { kind: 'part', range: { start: 1, end: 2 } }],
    ['bytes=1000-', 1000, { kind: 'unsatisfiable' }],
    ['bytes=-0', 1000, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=-10', 0, { kind: 'unsatisfiable' }],
    // What a server may ignore and answer with the whole file:
    ['bytes=5-1', 1000, { kind: 'whole' }],
    ['bytes=0-1,5-6', 1000, { kind: 'whole' }],
    ['bytes=-', 1000, { kind: 'whole' }],
    ['items=0-1', 1000, { kind: 'whole' }],
    ['bytes=a-b', 1000, { kind: 'whole' }],
  ])('reads %j of a %i-byte file', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('file response plan', () => {
  it('sends the whole file with its length and range support', () => {
    expect(planFileResponse(1000, 'video/mp4', null)).toEqual({
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Type': 'video/mp4', 'Content-Length': '1000' },
      range: { start: 0, end: 999 },
    });
  });

  it('sends part of the file with Content-Range', () => {
    expect(planFileResponse(1000, 'video/mp4', 'bytes=10-19')).toEqual({
      status: 206,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Type': 'video/mp4', 'Content-Length': '10', 'Content-Range': 'bytes 10-19/1000' },
      range: { start: 10, end: 19 },
    });
  });

  it('refuses a range past the end, naming the real size', () => {
    expect(planFileResponse(1000, 'video/mp4', 'bytes=2000-')).toEqual({
      status: 416,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes */1000' },
      range: null,
    });
  });

  it('has no bytes to send for an empty file', () => {
    expect(planFileResponse(0, 'audio/wav', undefined)).toMatchObject({ status: 200, range: null, headers: { 'Content-Length': '0' } });
  });
});
