import { createEmulator, type Emulator, type SeedConfig, type ServiceName } from '@inbox-zero/emulate';
import { freePort } from '../free-port';

export interface RunningEmulator extends Emulator {
  readonly port: number;
}

/**
 * Starts one `@inbox-zero/emulate` service on a free port. Its `url` says `localhost`; this one
 * says 127.0.0.1 so nothing depends on how `localhost` resolves on the machine.
 */
export async function startEmulator(service: ServiceName, seed: SeedConfig): Promise<RunningEmulator> {
  const port = await freePort();
  const emulator = await createEmulator({ service, port, seed });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    reset: () => emulator.reset(),
    close: () => emulator.close(),
  };
}
