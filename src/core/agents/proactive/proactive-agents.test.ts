import { describe, expect, it } from 'vitest';
import { policyHarness } from '../../../../test-support/policy-harness';
import { z } from 'zod';
import { scriptedRouter } from '../../../../test-support/scripted-router';
import { DEFAULT_PERSONAS } from '../personas/persona-defaults';
import { ToolRegistry, defineTool } from '../tools/tool-registry';
import { addressOf } from './notifier-agent';
import { OrchestratorAgent } from './orchestrator-agent';
import { SchedulerAgent, type AgendaItem } from './scheduler-agent';

const event = (summary: string, start: string, end: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: summary,
  summary,
  start: `2026-11-24T${start}:00Z`,
  end: `2026-11-24T${end}:00Z`,
  allDay: false,
  status: 'confirmed',
  ...extra,
});

describe('the scheduler agent', () => {
  it('finds every overlapping pair of timed events, and nothing else', () => {
    const conflicts = SchedulerAgent.conflicts([
      event('Vendor call', '10:30', '11:30'),
      event('Design review', '10:00', '11:00'),
      event('Lunch', '11:30', '12:30'), // starts as the vendor call ends: no conflict
      event('1:1', '11:15', '11:45'),
      event('Offsite', '00:00', '23:59', { allDay: true }),
      event('Cancelled sync', '10:00', '12:00', { status: 'cancelled' }),
    ]);
    expect(conflicts.map((c) => [c.first.summary, c.second.summary, c.overlapMinutes])).toEqual([
      ['Design review', 'Vendor call', 30],
      ['Vendor call', '1:1', 15],
      ['1:1', 'Lunch', 15],
    ]);
  });
});

describe('the notifier agent', () => {
  it('replies to the bare address of a sender', () => {
    expect(addressOf('Sam Lee <sam@customer.test>')).toBe('sam@customer.test');
    expect(addressOf('sam@customer.test')).toBe('sam@customer.test');
    expect(addressOf('"Lee, Sam" <sam@customer.test>')).toBe('sam@customer.test');
    expect(addressOf('undisclosed recipients')).toBeNull();
  });
});

describe('the orchestrator', () => {
  it('plans on the thinking tier, reads through the policy gate, and cannot act as the person', async () => {
    const performed: string[] = [];
    const registry = new ToolRegistry().register(
      defineTool({
        name: 'calendar.lookup',
        group: 'calendar',
        description: 'Looks up a day.',
        args: z.object({ day: z.string() }),
        actionClass: 'read',
        outsideContent: true,
        run: async ({ day }) => ({ day, events: ['Design review 10:00'] }),
      }),
      defineTool({
        name: 'email.send',
        group: 'email',
        description: 'Sends mail.',
        args: z.object({ to: z.string() }),
        actionClass: 'send',
        outsideContent: false,
        run: async ({ to }) => void performed.push(to),
      }),
    );
    const router = scriptedRouter([
      { text: '', toolCalls: [{ id: 'c1', name: 'calendar__lookup', arguments: '{"day":"2026-11-24"}' }] },
      { text: '', toolCalls: [{ id: 'c2', name: 'email__send', arguments: '{"to":"attacker@evil.example"}' }] },
      { text: 'You have a design review at 10:00; I did not send anything.' },
    ]);
    const usage: number[] = [];
    const policy = policyHarness({ registry });
    const agent = new OrchestratorAgent({
      router,
      gate: policy.gate,
      memory: { find: async () => ({ memories: [], relations: [], vectorUsed: false }) },
    });
    const done = await agent.handle(
      'What is on today, and tell the vendor?',
      { ...DEFAULT_PERSONAS.work, customized: false },
      {
        runId: 'run-1',
        signal: new AbortController().signal,
        recordUsage: (u) => void usage.push(u.inputTokens),
      },
    );
    expect(done).toEqual({ answer: 'You have a design review at 10:00; I did not send anything.', toolCalls: 2 });
    expect(performed).toEqual([]);
    expect(router.requests.map((r) => r.task)).toEqual(['planning', 'planning', 'planning']);
    // Proxy tools are not even offered in assistant mode; a call to one anyway is refused.
    expect(router.requests[0]?.tools?.map((t) => t.name)).toEqual(['calendar__lookup']);
    const refusal = router.requests[2]?.messages.find((m) => m.role === 'tool' && m.toolCallId === 'c2');
    expect(refusal?.content).toMatch(/would act as the user/);
    expect(usage).toHaveLength(3);
    policy.close();
  });
});
