import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../test-support/memory-secrets';
import { makeTempDir } from '../../../test-support/temp-dir';
import { openDatabase, type Db } from '../store/database';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';
import { ModelConfigRepo } from './model-config-repo';
import { ModelConfigService } from './model-config-service';
import { DEFAULT_TIERS } from './model-types';

describe('model configuration', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let secrets: ReturnType<typeof memorySecrets>;
  let config: ModelConfigService;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations);
    secrets = memorySecrets();
    config = new ModelConfigService(new ModelConfigRepo(db), secrets, { now: () => 1_000 });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('starts with no provider and the seed’s tiers', () => {
    expect(config.provider()).toBeNull();
    expect(config.tiers()).toEqual(DEFAULT_TIERS);
  });

  it('fills a preset’s base URL and timeout, and keeps a custom URL without its trailing slash', () => {
    expect(config.setProvider({ kind: 'openrouter' })).toEqual({
      kind: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      timeoutMs: 60_000,
      updatedAt: 1_000,
    });
    expect(config.setProvider({ kind: 'ollama' })).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1' });
    config.setProvider({ kind: 'custom', baseUrl: ' http://192.168.1.20:1234/v1/ ', timeoutMs: 5_000 });
    expect(config.provider()).toMatchObject({ kind: 'custom', baseUrl: 'http://192.168.1.20:1234/v1', timeoutMs: 5_000 });
  });

  it.each([
    [{ kind: 'custom' }, /custom provider needs a base URL/],
    [{ kind: 'custom', baseUrl: 'file:///etc/passwd' }, /http:\/\/ or https:\/\//],
    [{ kind: 'custom', baseUrl: 'not a url' }, /http:\/\/ or https:\/\//],
    [{ kind: 'anthropic' }, /kind/],
    [{ kind: 'openai', timeoutMs: 0 }, /timeoutMs/],
    [{ kind: 'openai', apiKey: 'sk-x' }, /apiKey/],
  ])('refuses provider settings %j', (input, message) => {
    expect(() => config.setProvider(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(message) }),
    );
  });

  it('stores an edited tier over its default and resets it', () => {
    config.setTier({ tier: 'cheap', model: ' openai/gpt-4o-mini ', maxTokens: 1000, temperature: 0, fallbackModel: '' });
    expect(config.tier('cheap')).toEqual({
      tier: 'cheap',
      model: 'openai/gpt-4o-mini',
      maxTokens: 1000,
      temperature: 0,
      fallbackModel: null,
    });
    expect(config.tier('thinking')).toEqual(DEFAULT_TIERS.thinking);
    config.setTier({ tier: 'cheap', model: 'a/b', maxTokens: 1, temperature: 2, fallbackModel: 'c/d' });
    expect(config.tier('cheap').fallbackModel).toBe('c/d');
    expect(config.resetTier('cheap')).toEqual(DEFAULT_TIERS.cheap);
    expect(config.tier('cheap')).toEqual(DEFAULT_TIERS.cheap);
  });

  it.each([
    [{ tier: 'cheap', model: '  ', maxTokens: 10, temperature: 0 }, /model/],
    [{ tier: 'cheap', model: 'm', maxTokens: 0, temperature: 0 }, /maxTokens/],
    [{ tier: 'cheap', model: 'm', maxTokens: 200_001, temperature: 0 }, /maxTokens/],
    [{ tier: 'cheap', model: 'm', maxTokens: 1.5, temperature: 0 }, /maxTokens/],
    [{ tier: 'cheap', model: 'm', maxTokens: 10, temperature: 2.1 }, /temperature/],
    [{ tier: 'cheap', model: 'm', maxTokens: 10, temperature: -0.1 }, /temperature/],
    [{ tier: 'fast', model: 'm', maxTokens: 10, temperature: 0 }, /tier/],
  ])('refuses tier settings %j', (input, message) => {
    expect(() => config.setTier(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(message) }),
    );
  });

  it('falls back to defaults when a stored row no longer validates', () => {
    db.prepare(
      "INSERT INTO model_provider (id, kind, base_url, timeout_ms, updated_at) VALUES (1, 'gopher', 'http://x', 10, 1)",
    ).run();
    db.prepare(
      "INSERT INTO model_tiers (tier, model, max_tokens, temperature, updated_at) VALUES ('cheap', 'm', 999999, 0, 1)",
    ).run();
    expect(config.provider()).toBeNull();
    expect(config.tier('cheap')).toEqual(DEFAULT_TIERS.cheap);
  });

  it('keeps API keys in the vault under provider.<kind>.api-key, never in the database', async () => {
    await config.setApiKey('openrouter', '  sk-or-v1-abcdef  ');
    expect(secrets.values.get('provider.openrouter.api-key')).toBe('sk-or-v1-abcdef');
    expect(await config.hasApiKey('openrouter')).toBe(true);
    expect(await config.hasApiKey('openai')).toBe(false);
    config.setProvider({ kind: 'openrouter' });
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM model_provider').all(),
      db.prepare('SELECT * FROM model_tiers').all(),
    ]);
    expect(dump).not.toContain('sk-or-v1-abcdef');
    await expect(config.setApiKey('openai', '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await config.deleteApiKey('openrouter');
    expect(await config.hasApiKey('openrouter')).toBe(false);
  });

  it('reads the key only when connecting, with the preset’s attribution headers', async () => {
    const reads: string[] = [];
    const watched = { ...secrets, get: async (name: string) => (reads.push(name), secrets.get(name)) };
    const service = new ModelConfigService(new ModelConfigRepo(db), watched, { now: () => 1 });
    await secrets.set('provider.openrouter.api-key', 'sk-or-v1-abcdef');
    service.setProvider({ kind: 'openrouter' });
    service.setTier({ tier: 'cheap', model: 'm', maxTokens: 10, temperature: 0 });
    expect(reads).toEqual([]);
    expect(await service.connect()).toEqual({
      kind: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      timeoutMs: 60_000,
      label: 'OpenRouter',
      apiKey: 'sk-or-v1-abcdef',
      headers: { 'HTTP-Referer': 'https://izzie.app', 'X-Title': 'Izzie' },
    });
    expect(reads).toEqual(['provider.openrouter.api-key']);
  });

  it('connects to Ollama without a key', async () => {
    config.setProvider({ kind: 'ollama' });
    expect(await config.connect()).toMatchObject({ kind: 'ollama', apiKey: null, label: 'Ollama' });
  });
});
