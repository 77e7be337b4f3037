import { describe, expect, it, vi } from 'vitest';
import { createEmbedder } from './create-embedder';
import { LocalEmbedder } from './local-embedder';
import { ProviderEmbedder } from './provider-embedder';

describe('createEmbedder', () => {
  it('makes the local model for "local" and the provider endpoint for "provider", both lazily', async () => {
    const connect = vi.fn(() => Promise.reject(new Error('no provider in this test')));
    const local = createEmbedder({ kind: 'local' }, { connect });
    const provider = createEmbedder({ kind: 'provider', model: 'nomic-embed-text' }, { connect });
    expect(local).toBeInstanceOf(LocalEmbedder);
    expect(local.info).toMatchObject({ kind: 'local', model: 'use-lite-512', dimension: 512 });
    expect(provider).toBeInstanceOf(ProviderEmbedder);
    expect(provider.info).toMatchObject({ kind: 'provider', model: 'nomic-embed-text', dimension: null });
    expect(connect).not.toHaveBeenCalled();
    await Promise.all([local.close(), provider.close()]);
  });
});
