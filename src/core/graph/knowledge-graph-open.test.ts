import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { KnowledgeGraph } from './knowledge-graph';

const REPO = resolve(__dirname, '../../..');

describe('opening the knowledge graph', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir('izzie-graph-open-')));
  afterEach(() => dir.remove());

  it('creates missing folders and keeps what was written across a reopen', async () => {
    const path = join(dir.path, 'data', 'nested', 'graph.kuzu');
    const graph = await KnowledgeGraph.open(path);
    const dana = await graph.upsertEntity({ name: 'Dana', kind: 'person', namespace: 'entities', aliases: ['D'] });
    await graph.close();
    await graph.close();
    expect(existsSync(path)).toBe(true);

    const again = await KnowledgeGraph.open(path);
    try {
      expect(await again.entity(dana.id)).toEqual(dana);
      expect(await again.findByNames(['d'])).toEqual([dana]);
    } finally {
      await again.close();
    }
  });

  it('names the file and the cause when another process holds it', async () => {
    const path = join(dir.path, 'graph.kuzu');
    // A real second process with the file open: Kùzu's own lock, not a stand-in.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const kuzu = require('kuzu');
        const db = new kuzu.Database(${JSON.stringify(path)});
        db.init().then(() => { process.stdout.write('ready'); process.stdin.on('end', () => db.close().then(() => process.exit(0))); process.stdin.resume(); });`,
      ],
      { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((ready, fail) => {
        holder.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? ready() : undefined));
        holder.on('exit', (code) => fail(new Error(`the holder exited early (${code})`)));
      });
      const error = await KnowledgeGraph.open(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Could not open the knowledge graph at ${escape(path)}: .*lock.*Another program \\(perhaps another Izzie\\) is using it`,
          's',
        ),
      );
    } finally {
      const exited = new Promise((done) => holder.on('exit', done));
      holder.stdin.end();
      await exited;
    }
    // Once the other process lets go, it opens.
    await (await KnowledgeGraph.open(path)).close();
  });

  it('names the file when it is not a graph', async () => {
    const path = join(dir.path, 'graph.kuzu');
    writeFileSync(path, 'not a graph '.repeat(500));
    await expect(KnowledgeGraph.open(path)).rejects.toThrow(
      new RegExp(`^Could not open the knowledge graph at ${escape(path)}: .*not a valid Kuzu database.*move it aside`),
    );
  });

  it('names the path when it is a folder', async () => {
    const path = join(dir.path, 'graph.kuzu');
    mkdirSync(path);
    await expect(KnowledgeGraph.open(path)).rejects.toThrow(`Could not open the knowledge graph at ${path}: `);
    // The failed opens left nothing locked: a good path opens.
    await (await KnowledgeGraph.open(join(dir.path, 'other.kuzu'))).close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
