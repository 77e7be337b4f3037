import type { AuditTrace } from '../../shared';
import type { AuditLog } from '../audit/audit-log';
import { ToolArgumentsError, type Tool, type ToolContext, type ToolOutcome } from '../agents/tools/tool-registry';
import type { Clock } from '../ports';

const MAX_RESULT_CHARS = 20_000;

/**
 * The one place a tool runs. Only the policy gate and the approvals queue hold it (an architecture
 * test checks nothing else calls `execute`), so every call has been decided first. Every run is
 * written to the audit log with its latency and outcome; a failure comes back as an outcome the
 * model can read, never as an exception.
 */
export class ToolExecutor {
  constructor(private readonly deps: { audit: AuditLog; clock: Clock }) {}

  async run(tool: Tool, args: unknown, context: ToolContext, trace: AuditTrace): Promise<ToolOutcome> {
    const started = this.deps.clock.now();
    let outcome: ToolOutcome;
    try {
      const value = await tool.execute(args, context);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      outcome = {
        status: 'ok',
        result: text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}… (truncated)` : text,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        status: 'error',
        result:
          error instanceof ToolArgumentsError
            ? `Invalid arguments for ${tool.name}: ${message}`
            : `${tool.name} failed: ${message}`,
      };
    }
    this.deps.audit.append({
      actor: 'izzie',
      action: 'tool.call',
      mode: context.mode,
      persona: context.persona.id,
      input: { tool: tool.name, actionClass: tool.actionClass, arguments: args },
      output: outcome.status === 'ok' ? outcome.result.slice(0, 2000) : undefined,
      latencyMs: this.deps.clock.now() - started,
      success: outcome.status === 'ok',
      error: outcome.status === 'ok' ? undefined : outcome.result,
      trace,
    });
    return outcome;
  }
}
