// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useMemory } from '../../stores/memory';
import { useNavigation } from '../../stores/navigation';
import { resetStores } from '../../test-support/reset-stores';
import { createFakeCore } from '../../test-support/fake-core';
import { RpcProvider } from '../../rpc/rpc-context';
import { Markdown } from '../chat/Markdown';
import { MANAGER, memoryOptions } from './test-kit';

afterEach(() => {
  cleanup();
  resetStores();
});

function reply(content: string) {
  const core = createFakeCore(memoryOptions());
  render(
    <RpcProvider client={core.client}>
      <Markdown content={content} />
    </RpcProvider>,
  );
  return core;
}

describe('a reply citing a memory', () => {
  it('opens the Memory page searching for exactly that fact', async () => {
    const core = reply(`Your manager is Dana [source](memory:${MANAGER.id}).`);
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'source' }));
    expect(useNavigation.getState().page).toBe('memory');
    await waitFor(() => expect(useMemory.getState().search.status).toBe('ready'));
    expect(core.callsTo('memory.get').map((c) => c.params)).toEqual([{ id: MANAGER.id }]);
    expect(useMemory.getState().search.query).toBe(MANAGER.content);
  });

  it('says so when the cited memory was forgotten since', async () => {
    reply('Your manager is Dana [source](memory:gone-0000).');
    fireEvent.click(screen.getByRole('button', { name: 'source' }));
    await waitFor(() => expect(useMemory.getState().search.status).toBe('error'));
    expect(useMemory.getState().search.error).toMatch(/^The memory this reply cited is gone/);
  });

  it('leaves a malformed memory target as dead text', () => {
    reply('[source](memory:../../etc) [other](memory:)');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
