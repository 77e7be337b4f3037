/**
 * Izzie's Content-Security-Policy, in one place for both hosts: the headless host sends it as a
 * header, the Electron host adds it to every response, and the renderer's index.html carries the
 * same policy as a meta tag (which cannot express frame-ancestors). Only `connect-src` differs by
 * host: the loopback WebSocket of the headless host, or Vite's HMR socket in development.
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...extraConnectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
