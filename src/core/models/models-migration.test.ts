import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from '../store/database';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';

/** Migration 0005: built at the version before it, with rows of the old shape, then migrated. */
describe('migration 0005_models', () => {
  const index = sqlMigrations.findIndex((m) => m.name.startsWith('0005'));
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations.slice(0, index));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
    db.prepare("INSERT INTO threads (id, title, created_at, updated_at) VALUES ('t1', 'Plans', 1, 1)").run();
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, success, prev_hash, hash) VALUES ('a1', 1, 'user', 'threads.create', 1, 'p', 'h')",
    ).run();
    migrate(db, sqlMigrations.slice(0, index + 1));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const insertProvider = (id: number, kind: string, baseUrl: string, timeoutMs = 60_000) =>
    db
      .prepare('INSERT INTO model_provider (id, kind, base_url, timeout_ms, updated_at) VALUES (?, ?, ?, ?, 1)')
      .run(id, kind, baseUrl, timeoutMs);
  const insertTier = (tier: string, model: string, maxTokens = 100, temperature = 0.5, fallback: string | null = null) =>
    db
      .prepare(
        'INSERT INTO model_tiers (tier, model, max_tokens, temperature, fallback_model, updated_at) VALUES (?, ?, ?, ?, ?, 1)',
      )
      .run(tier, model, maxTokens, temperature, fallback);

  it('is shipped and keeps the rows that were there before', () => {
    expect(index).toBeGreaterThan(0);
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'theme', value: '"dark"' }]);
    expect(db.prepare('SELECT id FROM threads').all()).toEqual([{ id: 't1' }]);
    expect(db.prepare('SELECT id FROM audit_log').all()).toEqual([{ id: 'a1' }]);
  });

  it('starts empty: tiers default in code, no provider until the user picks one', () => {
    expect(db.prepare('SELECT COUNT(*) AS n FROM model_provider').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM model_tiers').get()).toEqual({ n: 0 });
  });

  it('holds at most one provider, with an http(s) base URL and a positive timeout', () => {
    insertProvider(1, 'openrouter', 'https://openrouter.ai/api/v1');
    expect(() => insertProvider(2, 'ollama', 'http://127.0.0.1:11434/v1')).toThrow(/CHECK/);
    expect(() => insertProvider(1, 'ollama', 'http://127.0.0.1:11434/v1')).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM model_provider').run();
    expect(() => insertProvider(1, 'custom', 'ftp://example.com')).toThrow(/CHECK/);
    expect(() => insertProvider(1, 'custom', 'http://x/v1', 0)).toThrow(/CHECK/);
    expect(() => insertProvider(1, '', 'http://x/v1')).toThrow(/CHECK/);
  });

  it('keeps one row per known tier with a non-empty model and sane numbers', () => {
    insertTier('cheap', 'mistralai/mistral-small', 2048, 0.3, 'openai/gpt-4o-mini');
    insertTier('thinking', 'anthropic/claude-opus-4.5', 8192, 0);
    expect(
      db.prepare('SELECT tier, model, max_tokens, temperature, fallback_model FROM model_tiers ORDER BY tier').all(),
    ).toEqual([
      {
        tier: 'cheap',
        model: 'mistralai/mistral-small',
        max_tokens: 2048,
        temperature: 0.3,
        fallback_model: 'openai/gpt-4o-mini',
      },
      { tier: 'thinking', model: 'anthropic/claude-opus-4.5', max_tokens: 8192, temperature: 0, fallback_model: null },
    ]);
    expect(() => insertTier('cheap', 'other')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insertTier('fast', 'm')).toThrow(/CHECK/);
    expect(() => insertTier('standard', '')).toThrow(/CHECK/);
    expect(() => insertTier('standard', 'm', 0)).toThrow(/CHECK/);
    expect(() => insertTier('standard', 'm', 10, -1)).toThrow(/CHECK/);
    expect(() => insertTier('standard', 'm', 10, 0.5, '')).toThrow(/CHECK/);
  });

  it('has no column where an API key could be stored', () => {
    const columns = [
      ...(db.prepare('PRAGMA table_info(model_provider)').all() as Array<{ name: string }>),
      ...(db.prepare('PRAGMA table_info(model_tiers)').all() as Array<{ name: string }>),
    ].map((c) => c.name);
    expect(columns.filter((name) => /key|secret|token/.test(name) && name !== 'max_tokens')).toEqual([]);
  });
});
