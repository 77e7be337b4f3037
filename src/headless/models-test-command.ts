import envPaths from 'env-paths';
import { createCore, insecureFileVaultRequested, resolveDataDir } from '../core';
import { RpcError, type ModelTestResult, type Tier } from '../shared';
import { headlessPorts } from './headless-ports';

export interface ModelsTestOptions {
  readonly tier: Tier | null;
  readonly home: string | null;
  readonly version: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print: (line: string) => void;
}

/**
 * `izzie models test`: opens Izzie's data directory (so it needs Izzie itself to be closed), runs
 * the model tests through the same RPC the Settings page uses, and prints one row per test.
 * Exits 0 when every test passed.
 */
export async function runModelsTestCommand(options: ModelsTestOptions): Promise<number> {
  const dataDir = options.home ?? resolveDataDir(options.env, envPaths('Izzie', { suffix: '' }).data);
  const core = createCore(headlessPorts({ dataDir, version: options.version, pushNotification: () => undefined }), {
    insecureFileVault: insecureFileVaultRequested(options.env),
  });
  await core.start();
  try {
    const results = await core.client.call('models.runTests', options.tier ? { tier: options.tier } : {});
    for (const line of formatTable(results)) options.print(line);
    const passed = results.filter((r) => r.passed).length;
    options.print('');
    options.print(`${passed} of ${results.length} model tests passed.`);
    return passed === results.length ? 0 : 1;
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    options.print(`Could not run the model tests: ${error.message}`);
    return 1;
  } finally {
    await core.stop();
  }
}

export function formatTable(results: readonly ModelTestResult[]): string[] {
  const rows = results.map((r) => [
    r.id,
    r.model ?? '—',
    `${r.latencyMs} ms`,
    `${r.maxLatencyMs / 1000} s`,
    `${r.promptTokens}+${r.completionTokens}`,
    r.passed ? 'pass' : r.behaviorPassed ? 'fail (slow)' : 'fail',
  ]);
  const header = ['TEST', 'MODEL', 'LATENCY', 'LIMIT', 'TOKENS', 'RESULT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  results.forEach((r, index) => {
    out.push(line(rows[index] ?? []));
    if (!r.passed) out.push(`    ${r.detail}`);
  });
  return out;
}
