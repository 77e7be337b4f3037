import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../errors';
import { recordingLogger } from '../../../../test-support/recording-logger';
import { scriptedRouter } from '../../../../test-support/scripted-router';
import { makeTempDir } from '../../../../test-support/temp-dir';
import type { IzzieEvent } from '../../../shared';
import { ClassificationsRepo } from '../../store/classifications-repo';
import { openDatabase, type Db } from '../../store/database';
import { sqlMigrations } from '../../store/migration-files';
import { migrate } from '../../store/migrations';
import { EventClassifier } from './event-classifier';

const mail = (id: string, data: Partial<Record<string, unknown>> = {}): IzzieEvent => ({
  id,
  type: 'email/received',
  source: 'poll',
  timestamp: 0,
  metadata: {},
  data: {
    account: 'me@example.com',
    messageId: id,
    threadId: `t-${id}`,
    from: 'Sam Lee <sam@customer.example>',
    to: ['me@example.com'],
    subject: 'Contract renewal — can you confirm by Friday?',
    snippet: 'Hi, could you confirm the renewal terms by Friday?',
    labels: ['INBOX', 'UNREAD'],
    receivedAt: 0,
    bulk: false,
    ...data,
  },
});

const pr = (id: string, data: Partial<Record<string, unknown>> = {}): IzzieEvent => ({
  id,
  type: 'github/pull_request.review_requested',
  source: 'poll',
  timestamp: 0,
  metadata: {},
  data: {
    repo: 'acme/api',
    number: 7,
    title: 'Add rate limits',
    author: 'dana',
    url: 'https://github.example/acme/api/pull/7',
    state: 'open',
    draft: false,
    reviewRequested: true,
    reason: 'review_requested',
    updatedAt: 0,
    ...data,
  },
});

const answer = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'customer question',
    priority: 'high',
    personaContext: 'work',
    mode: 'proxy',
    requiresAttention: true,
    needsReply: true,
    confidence: 0.86,
    reason: 'A customer asks for confirmation by Friday.',
    ...fields,
  });

describe('the classifier', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let router: ReturnType<typeof scriptedRouter>;
  let classifier: EventClassifier;
  const usage: number[] = [];
  const options = { correlationId: 'run-1', recordUsage: (u: { inputTokens: number }) => void usage.push(u.inputTokens) };

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'izzie.db'));
    migrate(db, sqlMigrations);
    router = scriptedRouter();
    classifier = new EventClassifier({
      router,
      cache: new ClassificationsRepo(db),
      clock: { now: () => 1_000 },
      log: recordingLogger(() => undefined),
    });
    usage.length = 0;
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('asks the cheap tier about mail no rule recognizes, validates the answer and records its usage', async () => {
    router.push({ text: answer() });
    const result = await classifier.classify(mail('m1'), options);
    expect(result).toMatchObject({ by: 'model', type: 'customer question', needsReply: true, requiresAttention: true });
    expect(router.requests[0]).toMatchObject({ task: 'classification', purpose: 'engine.classify', correlationId: 'run-1' });
    expect(router.requests[0]?.messages[1]?.content).toContain('Subject: Contract renewal');
    expect(usage).toEqual([100]);
  });

  it('never gives content from outside proxy mode, whatever the model says', async () => {
    router.push({ text: answer({ mode: 'proxy' }) });
    expect((await classifier.classify(mail('m1'), options)).mode).toBe('assistant');
  });

  it('costs no model call for an event that looks exactly like one already classified', async () => {
    router.push({ text: answer() });
    await classifier.classify(mail('m1'), options);
    const again = await classifier.classify(mail('m2', { receivedAt: 99 }), options);
    expect(again.by).toBe('cache');
    expect(router.requests).toHaveLength(1);
  });

  it('answers known noise and clear cases by rule, with no model call', async () => {
    const cases = [
      [mail('n1', { bulk: true }), 'bulk-mail', false],
      [mail('n2', { labels: ['INBOX', 'CATEGORY_PROMOTIONS'] }), 'bulk-mail', false],
      [mail('n3', { from: 'GitHub <notifications@github.com>' }), 'bulk-mail', false],
      [pr('p1'), 'pull-request', true],
      [pr('p2', { author: 'dependabot[bot]' }), 'pull-request', false],
      [pr('p3', { state: 'merged' }), 'pull-request', false],
    ] as const;
    for (const [event, rule, attention] of cases) {
      const result = await classifier.classify(event, options);
      expect([result.by, result.detail, result.requiresAttention]).toEqual(['rule', rule, attention]);
    }
    expect(router.requests).toHaveLength(0);
  });

  it('retries a malformed answer once, then falls back to showing the event', async () => {
    router.push({ text: 'I think this is important!' }, { text: answer({ priority: 'whenever' }) });
    const result = await classifier.classify(mail('m1'), options);
    expect(result).toMatchObject({ by: 'fallback', requiresAttention: true, confidence: 0 });
    expect(result.reason).toMatch(/could not classify this \(priority:/);
    expect(router.requests).toHaveLength(2);
    // A fallback is not cached: the next look asks again.
    router.push({ text: answer() });
    expect((await classifier.classify(mail('m1'), options)).by).toBe('model');
  });

  it('lets a provider failure through, for the engine to retry', async () => {
    router.push({ error: new CoreError('PROVIDER_UNAVAILABLE', 'The provider answered 503.') });
    await expect(classifier.classify(mail('m1'), options)).rejects.toThrow('503');
  });

  it('keeps the persona context the source set', async () => {
    router.push({ text: answer({ personaContext: 'work' }) });
    const event = { ...mail('m1'), metadata: { personaContext: 'personal' as const } };
    expect((await classifier.classify(event, options)).personaContext).toBe('personal');
  });
});
