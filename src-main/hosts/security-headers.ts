/**
 * The renderer's content policy. Directives that do not fall back to default-src
 * (base-uri, form-action, frame-ancestors) are closed explicitly.
 * `extraMediaSources` lets the Electron host allow its `media:` scheme for playback of videos,
 * sound and photos alike.
 */
export function contentSecurityPolicy(extraMediaSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["media-src 'self'", ...extraMediaSources].join(' '),
    ["img-src 'self' data:", ...extraMediaSources].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every response of both hosts. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The browser host's first URL carries the token; never pass it on to anyone.
  'Referrer-Policy': 'no-referrer',
};
