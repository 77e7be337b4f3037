import type { Session } from 'electron';
import type { RendererLocation } from './renderer-location';

/**
 * The header twin of the renderer's CSP meta tag. The header also covers what a meta tag cannot
 * (`frame-ancestors`) and the dev server's responses; in development `connect-src` must also
 * reach Vite's HMR WebSocket on the dev server's own host.
 */
export function contentSecurityPolicy(location: RendererLocation): string {
  const connectSources = ["'self'"];
  if (location.kind === 'dev-server') {
    const wsProtocol = location.url.protocol === 'https:' ? 'wss:' : 'ws:';
    connectSources.push(`${wsProtocol}//${location.url.host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the policy; a policy the server already sent stays (several policies only ever narrow). */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[]>> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const key = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), policy];
  return result;
}

const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** Applies the CSP header and the permission policy to a session (the default one). */
export function hardenSession(session: Session, location: RendererLocation): void {
  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}
