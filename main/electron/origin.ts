/**
 * The app's own origin. The renderer is served from app://outturn (a privileged standard scheme) rather
 * than file://, so it has a real origin that IPC and navigation checks can compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'outturn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://outturn/… (no user info or port, which could smuggle a look-alike origin). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // app: is not a special scheme to Node's URL parser, so its host is not lower-cased for us.
  return u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}
