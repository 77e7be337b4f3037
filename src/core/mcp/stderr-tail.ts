const MAX_LINES = 20;
const MAX_LINE_CHARS = 500;

/**
 * The last lines a child process wrote to stderr, so a crash report can say what the server said
 * before it died. Bounded: a chatty server cannot grow it.
 */
export class StderrTail {
  private readonly lines: string[] = [];
  private partial = '';

  push(chunk: Buffer | string): void {
    const parts = (this.partial + chunk.toString()).split(/\r?\n/);
    this.partial = clip(parts.pop() ?? '');
    for (const line of parts) this.add(line);
  }

  /** The last `count` non-empty lines, an unfinished last line included. */
  last(count: number): string[] {
    const all = this.partial.trim() ? [...this.lines, this.partial] : this.lines;
    return all.slice(-count);
  }

  private add(line: string): void {
    if (!line.trim()) return;
    this.lines.push(clip(line));
    if (this.lines.length > MAX_LINES) this.lines.shift();
  }
}

function clip(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
}
