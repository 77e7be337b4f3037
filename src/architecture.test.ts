import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules from DESIGN.md, checked on the real import graph:
 * - src/core and src/shared never import electron or a host (main, preload, headless) or the renderer;
 * - src/shared runs anywhere: no node: modules and no core;
 * - the renderer imports only src/shared (and browser packages), never node: modules or electron;
 * - hosts reach the core only through its entry, src/core/index.ts;
 * - only src/core/store and src/core/graph load native database modules, and the search threads of
 *   src/core/workers open their own read-only SQLite connections (never the graph).
 */
const SRC = resolve(__dirname);
const NATIVE_DB = ['better-sqlite3', 'sqlite-vec', 'kuzu', 'lbug'];
type Layer = 'core' | 'shared' | 'main' | 'preload' | 'headless' | 'renderer' | 'other';

interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
}

function violations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, specifier } of edges) {
    const fromLayer = layerOf(from);
    const isRelative = specifier.startsWith('.');
    const target = isRelative ? resolve(dirname(join(SRC, from)), specifier) : null;
    const toLayer = target ? layerOf(relative(SRC, target)) : null;
    const bare = isRelative ? null : specifier;
    const where = `${from} imports "${specifier}"`;
    const isTest = /\.test\.tsx?$/.test(from);

    if ((fromLayer === 'core' || fromLayer === 'shared' || fromLayer === 'renderer') && bare && /^electron(\/|$)/.test(bare)) {
      out.push(`${where}: only src/main may import electron`);
    }
    if (
      (fromLayer === 'core' || fromLayer === 'shared') &&
      toLayer &&
      ['main', 'preload', 'headless', 'renderer'].includes(toLayer)
    ) {
      out.push(`${where}: ${fromLayer} must not depend on a host or the renderer`);
    }
    // Tests run under Node and never ship, so a shared test may read files.
    if (fromLayer === 'shared' && (toLayer === 'core' || (bare && bare.startsWith('node:') && !isTest))) {
      out.push(`${where}: src/shared must run anywhere (no core, no node:)`);
    }
    if (fromLayer === 'renderer' && !isTest && toLayer && toLayer !== 'renderer' && toLayer !== 'shared') {
      out.push(`${where}: the renderer imports only src/shared`);
    }
    if (fromLayer === 'renderer' && bare && (bare.startsWith('node:') || NATIVE_DB.includes(bare))) {
      out.push(`${where}: the renderer runs in a browser`);
    }
    if ((fromLayer === 'main' || fromLayer === 'headless' || fromLayer === 'preload') && target && toLayer === 'core') {
      const entry = join(SRC, 'core');
      if (target !== entry && target !== join(entry, 'index') && target !== join(entry, 'index.ts')) {
        out.push(`${where}: hosts import the core only through src/core/index.ts`);
      }
    }
    const readerThread = /^core[\\/]workers[\\/]/.test(from) && (bare === 'better-sqlite3' || bare === 'sqlite-vec');
    if (bare && NATIVE_DB.includes(bare) && !isTest && !readerThread && !/^core[\\/](store|graph)[\\/]/.test(from)) {
      out.push(`${where}: only src/core/store and src/core/graph load native database modules`);
    }
  }
  return out;
}

function layerOf(path: string): Layer {
  const first = path.split(/[\\/]/)[0];
  return (['core', 'shared', 'main', 'preload', 'headless', 'renderer'] as const).find((l) => l === first) ?? 'other';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).split(sep).join('/');
  return [...text.matchAll(IMPORT)].map((m) => ({ from, specifier: (m[1] ?? m[2]) as string }));
}

/**
 * The policy gate is the only path to running a tool (issue 7): `.execute(` on a tool is called in
 * the gate's executor alone, and an MCP server's `callTool` only where a tool is defined over it.
 * The graph driver's `execute` runs Cypher, not tools.
 */
const RUNS_TOOLS: Readonly<Record<string, RegExp>> = {
  'core/policy/tool-executor.ts': /\.execute\(/,
  'core/integrations/mcp-tool-source.ts': /\.callTool\(/,
  'core/mcp/mcp-manager.ts': /\.callTool\(/,
};
const TOOL_CALL = /\b(?!this\b|connection\b)\w+\.execute\(|\.callTool\(/g;

function toolRunViolations(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  return files.flatMap(({ path, text }) => {
    if (/\.test\.tsx?$/.test(path) || path === 'core/graph/kuzu-driver.ts') return [];
    const allowed = RUNS_TOOLS[path];
    return [...text.matchAll(TOOL_CALL)]
      .filter((m) => !allowed || !allowed.test(m[0]))
      .map((m) => `${path} runs a tool directly ("${m[0]}"): tool calls go through the policy gate`);
  });
}

describe('architecture', () => {
  const files = sourceFiles(SRC);
  const edges = files.flatMap(edgesOf);

  it('reads the whole source tree', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(edges.some((e) => e.from.startsWith('core/') && e.specifier === 'better-sqlite3')).toBe(true);
  });

  it('follows the import rules in DESIGN.md', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('runs tools only through the policy gate', () => {
    const sources = files.map((file) => ({ path: relative(SRC, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));
    expect(sources.some((f) => f.path === 'core/policy/tool-executor.ts')).toBe(true);
    expect(toolRunViolations(sources)).toEqual([]);
    expect(
      toolRunViolations([
        { path: 'core/agents/chat/chat-agent.ts', text: 'await tool.execute(args, ctx)' },
        { path: 'core/engine/functions/x.ts', text: 'await deps.mcp.callTool("google.gmail_send", {})' },
        { path: 'core/policy/policy-gate.ts', text: 'found.execute(json, context)' },
      ]),
    ).toHaveLength(3);
  });

  it('catches each kind of violation (the rules themselves are tested)', () => {
    const bad: ImportEdge[] = [
      { from: 'core/agents/x.ts', specifier: 'electron' },
      { from: 'shared/x.ts', specifier: 'electron/main' },
      { from: 'core/x.ts', specifier: '../main/window' },
      { from: 'core/rpc/x.ts', specifier: '../../renderer/src/app' },
      { from: 'shared/contract/x.ts', specifier: '../../core' },
      { from: 'shared/x.ts', specifier: 'node:fs' },
      { from: 'renderer/src/x.tsx', specifier: '../../core/store/database' },
      { from: 'renderer/src/x.tsx', specifier: '../../headless/server' },
      { from: 'renderer/src/x.tsx', specifier: 'node:path' },
      { from: 'main/x.ts', specifier: '../core/store/database' },
      { from: 'headless/x.ts', specifier: '../core/create-core' },
      { from: 'core/rpc/x.ts', specifier: 'better-sqlite3' },
      { from: 'main/x.ts', specifier: 'kuzu' },
      { from: 'core/workers/x.worker.mjs', specifier: 'kuzu' },
    ];
    expect(violations(bad)).toHaveLength(bad.length);
    expect(
      violations([
        { from: 'main/x.ts', specifier: '../core' },
        { from: 'renderer/src/x.tsx', specifier: '../../shared' },
        { from: 'core/store/db.ts', specifier: 'better-sqlite3' },
        { from: 'core/workers/x.worker.mjs', specifier: 'better-sqlite3' },
      ]),
    ).toEqual([]);
  });
});
