import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineHarness } from '../../../../test-support/engine-harness';
import { proactiveDeps } from '../../../../test-support/proactive-deps';
import { scriptedRouter } from '../../../../test-support/scripted-router';
import { ToolRegistry } from '../../agents/tools/tool-registry';
import { inboundFunctions } from './inbound-functions';

let h: ReturnType<typeof engineHarness>;
beforeEach(() => {
  h = engineHarness();
});
afterEach(async () => {
  await h.close();
});

const issue = (id: string, priority: number) => ({
  id,
  type: 'linear/issue.updated',
  source: 'poll',
  timestamp: 0,
  metadata: { personaContext: 'work' },
  data: {
    id: `issue-${id}`,
    identifier: 'ENG-42',
    title: 'Crash when the gripper calibrates twice',
    state: 'In Progress',
    priority,
    assignedToViewer: true,
    url: 'https://linear.app/acme/issue/ENG-42',
    updatedAt: 0,
  },
});

describe('inbound functions', () => {
  it('notifies an urgent issue and escalates it to the orchestrator, which reports back on the thinking tier', async () => {
    const router = scriptedRouter([{ text: 'ENG-42 blocks the release; I drafted a note to the team for you to review.' }]);
    const { deps, shown } = proactiveDeps({ db: h.db, clock: h.clock, registry: new ToolRegistry(), router });
    const engine = h.engine(inboundFunctions(deps));
    engine.start();
    engine.bus.publish(issue('e1', 1));
    await engine.drain();
    expect(shown.map((n) => n.title)).toEqual(['ENG-42 Crash when the gripper calibrates twice', 'Izzie looked into it']);
    expect(router.requests.map((r) => [r.task, r.purpose])).toEqual([['planning', 'engine.orchestrate']]);
    expect(router.requests[0]?.messages.at(-1)?.content).toMatch(/^Urgent \(urgent issue\): ENG-42 Crash/);
    const runs = h.runs.list({ limit: 5 });
    expect(runs.map((r) => [r.functionId, r.status])).toEqual([
      ['izzie-escalate', 'completed'],
      ['linear-issue', 'completed'],
    ]);
  });

  it('asks the cheap tier about an issue no rule knows, and raises nothing when it is routine', async () => {
    const router = scriptedRouter([
      {
        text: JSON.stringify({
          type: 'issue update',
          priority: 'low',
          personaContext: 'work',
          mode: 'assistant',
          requiresAttention: false,
          needsReply: false,
          confidence: 0.8,
          reason: 'A routine change.',
        }),
      },
    ]);
    const { deps, shown } = proactiveDeps({ db: h.db, clock: h.clock, registry: new ToolRegistry(), router });
    const engine = h.engine(inboundFunctions(deps));
    engine.start();
    engine.bus.publish(issue('e2', 3));
    await engine.drain();
    expect(shown).toEqual([]);
    expect(router.requests.map((r) => r.task)).toEqual(['classification']);
    expect(h.runs.list({ limit: 5 }).map((r) => [r.functionId, r.status])).toEqual([['linear-issue', 'completed']]);
  });
});
