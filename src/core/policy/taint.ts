import type { Clock } from '../ports';
import type { TaintRepo } from '../store/taint-repo';
import { contextKey, type CallOrigin } from './call-context';

/**
 * What outside content a context has read. A chat thread is tainted from the moment a tool answer
 * carrying outside content (mail, Slack, issues, any MCP server) or a memory learned from such
 * content enters it, and stays so. An engine run is tainted from the start: every run begins with an
 * event from outside. The model never decides any of this.
 */
export class TaintTracker {
  constructor(private readonly deps: { repo: TaintRepo; clock: Clock }) {}

  sources(origin: CallOrigin): string[] {
    const marked = this.deps.repo.sources(contextKey(origin));
    return origin.kind === 'engine' ? [`the event that started this run (${origin.summary})`, ...marked] : marked;
  }

  mark(origin: CallOrigin, source: string): void {
    this.deps.repo.mark(contextKey(origin), source, this.deps.clock.now());
  }

  markThread(threadId: string, source: string): void {
    this.deps.repo.mark(`thread:${threadId}`, source, this.deps.clock.now());
  }

  threadSources(threadId: string): string[] {
    return this.deps.repo.sources(`thread:${threadId}`);
  }
}
