import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../shared';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * Decides whether a WebSocket upgrade may reach the core. Order matters for the answer a caller
 * sees: wrong path 404, foreign Host or Origin 403 (DNS rebinding, other sites), missing or wrong
 * token 401. The token is compared in constant time and never echoed.
 */
export function verifyUpgrade(req: IncomingMessage, token: string, authorities: ReadonlySet<string>): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname !== WS_PATH) return { ok: false, status: 404, reason: 'unknown path' };
  if (!authorities.has(req.headers.host ?? '')) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (!origin || !isLoopbackOrigin(origin, authorities)) return { ok: false, status: 403, reason: 'missing or foreign Origin' };
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(WS_PROTOCOL)) return { ok: false, status: 401, reason: 'missing protocol' };
  const tokenProtocol = offered.find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX));
  if (!tokenProtocol || !sameSecret(tokenProtocol.slice(WS_TOKEN_PROTOCOL_PREFIX.length), token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

function isLoopbackOrigin(origin: string, authorities: ReadonlySet<string>): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && parsed.pathname === '/' && authorities.has(parsed.host) && parsed.origin === origin;
  } catch {
    return false;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
