import type { Session } from 'electron';
import { contentSecurityPolicy } from '../shared';
import type { RendererLocation } from './renderer-location';

/**
 * The header twin of the renderer's CSP meta tag. The header also covers what a meta tag cannot
 * (`frame-ancestors`) and the dev server's responses; in development `connect-src` must also
 * reach Vite's HMR WebSocket on the dev server's own host.
 */
export function rendererContentSecurityPolicy(location: RendererLocation): string {
  if (location.kind !== 'dev-server') return contentSecurityPolicy();
  const wsProtocol = location.url.protocol === 'https:' ? 'wss:' : 'ws:';
  return contentSecurityPolicy([`${wsProtocol}//${location.url.host}`]);
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
  const policy = rendererContentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
}
