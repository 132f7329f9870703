import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, privilegedSchemes } from '../../../src-main/hosts/electron/app-origin.js';

describe('app origin checks', () => {
  it.each(['app://station/index.html', 'app://station/', 'app://station/recordings?id=3#top'])('accepts our page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isTrustedSender({ url })).toBe(true);
  });

  it.each([
    'https://station/',
    'http://127.0.0.1:5173/',
    'file:///opt/station/index.html',
    'app://evil/',
    'app://station.evil/',
    'app://station:8080/',
    'app://station@evil/',
    'media://recording/1',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isTrustedSender({ url })).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('gives the media scheme streaming so players can seek', () => {
    const media = privilegedSchemes.find((scheme) => scheme.scheme === 'media');
    expect(media?.privileges).toMatchObject({ standard: true, secure: true, stream: true });
    expect(privilegedSchemes.some((scheme) => scheme.privileges?.bypassCSP)).toBe(false);
  });
});
