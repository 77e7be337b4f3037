import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeStep, startFakeModelServer, type FakeModelServer } from '../test-support/fake-model-server';
import { connectRaw } from '../test-support/ws-rpc-client';
import { runCli, startHost } from './support/headless-process';

// `izzie models test` as a person runs it, against a local OpenAI-compatible fake.
test.describe('izzie models test', () => {
  let home: string;
  let fake: FakeModelServer;
  test.beforeEach(async () => {
    home = mkdtempSync(join(tmpdir(), 'izzie-e2e-models-'));
    fake = await startFakeModelServer();
    const host = await startHost(home);
    const socket = await connectRaw(host.port, host.token);
    expect(await socket.call('models.setProvider', { kind: 'custom', baseUrl: fake.url })).toMatchObject({ ok: true });
    await socket.close();
    await host.stop();
  });
  test.afterEach(async () => {
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('prints a table and exits 0 when every tier behaves', async () => {
    fake.enqueue(fakeStep.text('urgent', { usage: { promptTokens: 40, completionTokens: 1 } }), {
      model: 'mistralai/mistral-small',
    });
    fake.enqueue(fakeStep.text('Sorry, Thursday clashes. Does Friday at 10 work?'), { model: 'anthropic/claude-sonnet-4' });
    fake.enqueue(fakeStep.text('{"steps":["Collect numbers","Draft slides","Rehearse"]}'), {
      model: 'anthropic/claude-opus-4.5',
    });
    const run = await runCli(['models', 'test', '--home', home]);
    expect(run.output).toMatch(/TEST\s+MODEL\s+LATENCY\s+LIMIT\s+TOKENS\s+RESULT/);
    expect(run.output).toMatch(/cheap\.classify-urgency\s+mistralai\/mistral-small\s+\d+ ms\s+10 s\s+40\+1\s+pass/);
    expect(run.output).toContain('3 of 3 model tests passed.');
    expect(run.code).toBe(0);
  });

  test('exits 1 and says why when a tier misbehaves', async () => {
    fake.enqueue(fakeStep.text('It is probably quite important.'), { model: 'mistralai/mistral-small' });
    const run = await runCli(['models', 'test', '--tier', 'cheap', '--home', home]);
    expect(run.output).toMatch(
      /cheap\.classify-urgency.*fail\n\s+expected answers with the single word "urgent"; got “It is probably quite important\.”/,
    );
    expect(run.output).toContain('0 of 1 model tests passed.');
    expect(run.code).toBe(1);
  });
});
