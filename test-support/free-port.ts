import { createServer } from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1, for servers that cannot report the port they
 * got from `listen(0)` (the emulators). Another process could take it in between; on a test
 * machine that is rare enough to accept.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
