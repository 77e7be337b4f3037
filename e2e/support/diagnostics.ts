import type { Page } from '@playwright/test';

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
