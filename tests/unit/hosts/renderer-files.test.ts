import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererMimeType, resolveRendererPath } from '../../../src-main/hosts/renderer-files.js';

const root = path.resolve('/srv/renderer');

describe('renderer file resolution', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-Bx1.js', 'assets/index-Bx1.js'],
    ['/assets/%E5%BE%BD%E6%A0%87.svg', 'assets/徽标.svg'],
    ['/assets/../index.html', 'index.html'],
  ])('maps %j inside the renderer', (urlPath, relative) => {
    expect(resolveRendererPath(root, urlPath)).toBe(path.join(root, relative));
  });

  it.each(['/..', '/../secret', '/%2e%2e/secret', '/..%2fsecret', '/assets/..%2f..%2fsecret', '/%2e%2e%5csecret', '/x%00.js', '/%E0%A4%A', '/%2e%2e'])(
    'refuses %j',
    (urlPath) => {
      expect(resolveRendererPath(root, urlPath)).toBeNull();
    },
  );

  it('refuses a sibling folder whose name starts like the renderer', () => {
    expect(resolveRendererPath(root, '/..%2frenderer-private%2fkey')).toBeNull();
  });
});

describe('renderer MIME types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.JS', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is %s', (file, mime) => {
    expect(rendererMimeType(file)).toBe(mime);
  });
});
