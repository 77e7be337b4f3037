import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRendererLocation } from './renderer-location';
import { hardenSession, isPermissionGranted, rendererContentSecurityPolicy, withContentSecurityPolicy } from './session-policy';
import { FakeSession } from './testing/electron-stand-in';

vi.mock('electron', () => import('./testing/electron-stand-in'));

const rendererIndexFile = '/app/out/renderer/index.html';
const built = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true, rendererIndexFile });
const dev = resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false, rendererIndexFile });

describe('rendererContentSecurityPolicy', () => {
  it('is the strict policy for the built renderer', () => {
    expect(rendererContentSecurityPolicy(built)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it("lets the dev page reach Vite's HMR socket on the dev server's own host, and nothing else", () => {
    const policy = rendererContentSecurityPolicy(dev);
    expect(policy).toContain("connect-src 'self' ws://localhost:5173;");
    expect(policy).toContain("script-src 'self';");
  });

  it('uses wss for an https dev server', () => {
    const secure = resolveRendererLocation({ devServerUrl: 'https://127.0.0.1:8443/', isPackaged: false, rendererIndexFile });
    expect(rendererContentSecurityPolicy(secure)).toContain("connect-src 'self' wss://127.0.0.1:8443;");
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the header to a response that has none', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] }, 'P')).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ['P'],
    });
  });

  it("keeps the server's own policy beside ours, whatever its casing", () => {
    expect(withContentSecurityPolicy({ 'content-security-policy': ['theirs'] }, 'ours')).toEqual({
      'content-security-policy': ['theirs', 'ours'],
    });
  });
});

describe('hardenSession', () => {
  let fakeSession: FakeSession;
  beforeEach(() => {
    fakeSession = new FakeSession();
    hardenSession(fakeSession as unknown as Session, built);
  });

  it('grants only the notifications permission on request', () => {
    const answers = new Map<string, boolean>();
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'display-capture',
      'unknown',
    ]) {
      fakeSession.permissionRequestHandler?.(null, permission, (granted) => answers.set(permission, granted));
    }
    expect([...answers].filter(([, granted]) => granted).map(([permission]) => permission)).toEqual(['notifications']);
    expect(answers.size).toBe(7);
  });

  it('answers permission checks the same way', () => {
    expect(fakeSession.permissionCheckHandler?.(null, 'notifications')).toBe(true);
    for (const permission of ['media', 'hid', 'serial', 'usb', 'clipboard-sanitized-write', 'fullscreen']) {
      expect(fakeSession.permissionCheckHandler?.(null, permission)).toBe(false);
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });

  it('adds the CSP header to every response', () => {
    const callback = vi.fn();
    fakeSession.headersReceived?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [rendererContentSecurityPolicy(built)] },
    });
  });
});
