import type { Page, TestInfo } from '@playwright/test';
import { join } from 'node:path';
import type { HostProcess } from './headless-process';

/**
 * Records what the page logged and what its WebSockets did, with times, so a failed test can attach
 * it: the renderer's transport warns when it drops or ignores a frame, which the host cannot see.
 */
export function recordPageActivity(page: Page): () => string {
  const started = Date.now();
  const lines: string[] = [];
  const note = (line: string) => lines.push(`${String(Date.now() - started).padStart(6)} ms  ${line}`);
  page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('websocket', (socket) => {
    note(`websocket opening ${socket.url()}`);
    socket.on('close', () => note('websocket closed'));
    socket.on('socketerror', (error) => note(`websocket error: ${error}`));
  });
  return () => lines.join('\n');
}

/** On a failed test: the host's output, what the page did, and Izzie's log from `home`. */
export async function attachFailureDiagnostics(
  testInfo: TestInfo,
  run: { host: HostProcess | null; home: string; pageActivity: () => string },
): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus || !run.host) return;
  await testInfo.attach('host output', { body: run.host.output() });
  await testInfo.attach('page activity', { body: run.pageActivity() });
  await testInfo.attach('izzie.log', { path: join(run.home, 'logs', 'izzie.log') }).catch(() => undefined);
}
