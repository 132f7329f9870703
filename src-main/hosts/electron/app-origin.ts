import type { CustomScheme } from 'electron';

/** The renderer is served from `app://station/`, never from file://. */
export const appScheme = 'app';
export const appHost = 'station';
export const appIndexUrl = `${appScheme}://${appHost}/index.html`;

/** Archived recordings play from `media://recording/<id>`. The preload builds the same URLs. */
export const mediaScheme = 'media';
export const mediaHost = 'recording';

/**
 * Standard + secure gives the app origin a real origin (storage, CSP 'self'), and `stream`
 * lets <video> seek through range requests on the media scheme.
 */
export const privilegedSchemes: CustomScheme[] = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: mediaScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

/** True only for a URL on our own app origin. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** IPC is answered only for frames showing our own pages (Electron security checklist: validate every sender). */
export function isTrustedSender(frame: { readonly url: string } | null | undefined): boolean {
  return isAppUrl(frame?.url);
}
