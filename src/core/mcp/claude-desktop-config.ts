import { z } from 'zod';
import { AddServerInput } from '../../shared';

/** A server read from the file, in the shape `mcp.add` takes. */
export type ImportedServer =
  | {
      readonly transport: 'stdio';
      readonly name: string;
      readonly command: string;
      readonly args: string[];
      readonly env: Record<string, string>;
      readonly cwd?: string;
    }
  | { readonly transport: 'http'; readonly name: string; readonly url: string; readonly headers: Record<string, string> };

export interface ClaudeDesktopImport {
  readonly servers: ImportedServer[];
  /** Entries left out, under the name the file gave them, with the reason in a sentence. */
  readonly skipped: { name: string; reason: string }[];
}

const ConfigFile = z.object({ mcpServers: z.record(z.string(), z.unknown()) });

/** One entry as Claude Desktop (and Claude Code, which adds `type`, `url` and `headers`) writes it. */
const Entry = z.object({
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  cwd: z.string().optional(),
  type: z.string().optional(),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
type Entry = z.infer<typeof Entry>;

const NAME_MAX = 32;
const HTTP_TYPES = new Set(['http', 'streamable-http', 'streamablehttp']);

/**
 * Reads a Claude Desktop `claude_desktop_config.json`. A file that is not JSON, or has no
 * `mcpServers`, is refused with a readable Error; each entry that cannot become an Izzie server is
 * skipped with its reason, so one odd entry never blocks the rest. Names are made to fit Izzie's
 * rule (`^[a-z][a-z0-9-]{0,31}$`) and made unique, also against `takenNames`.
 */
export function parseClaudeDesktopConfig(jsonText: string, takenNames: Iterable<string> = []): ClaudeDesktopImport {
  const file = ConfigFile.safeParse(parseJson(jsonText));
  if (!file.success) {
    throw new Error('This is not a Claude Desktop configuration: it has no "mcpServers" object mapping names to servers.');
  }
  const taken = new Set(takenNames);
  const servers: ImportedServer[] = [];
  const skipped: ClaudeDesktopImport['skipped'] = [];
  for (const [original, raw] of Object.entries(file.data.mcpServers)) {
    const result = importEntry(original, raw, taken);
    if ('reason' in result) {
      skipped.push({ name: original, reason: result.reason });
    } else {
      taken.add(result.name);
      servers.push(result);
    }
  }
  return { servers, skipped };
}

function importEntry(original: string, raw: unknown, taken: ReadonlySet<string>): ImportedServer | { reason: string } {
  const parsed = Entry.safeParse(raw);
  if (!parsed.success) return { reason: `The entry is not a valid server: ${describeIssues(parsed.error.issues)}.` };
  const entry = parsed.data;
  const kind = kindOf(entry);
  if ('reason' in kind) return kind;
  const name = serverName(original, taken);
  if (!name) {
    return {
      reason: `"${original}" cannot be made into a server name (lowercase letters, digits and "-", starting with a letter); add it by hand under another name.`,
    };
  }
  const server: ImportedServer =
    kind.transport === 'stdio'
      ? {
          transport: 'stdio',
          name,
          command: kind.command,
          args: entry.args ?? [],
          env: entry.env ?? {},
          ...(entry.cwd !== undefined ? { cwd: entry.cwd } : {}),
        }
      : { transport: 'http', name, url: kind.url, headers: entry.headers ?? {} };
  const valid = AddServerInput.safeParse(server);
  if (!valid.success) return { reason: `${describeIssues(valid.error.issues)}.` };
  return server;
}

function kindOf(entry: Entry): { transport: 'stdio'; command: string } | { transport: 'http'; url: string } | { reason: string } {
  const type = entry.type?.trim().toLowerCase();
  const command = entry.command?.trim() ? entry.command.trim() : undefined;
  const url = entry.url?.trim() ? entry.url.trim() : undefined;
  if (type === 'sse' || (type === undefined && url !== undefined && command === undefined && looksLikeSse(url))) {
    return {
      reason:
        'It uses the SSE transport, which the MCP SDK has deprecated in favour of Streamable HTTP and Izzie does not support. If the server also offers Streamable HTTP, add that URL instead.',
    };
  }
  if (type !== undefined && type !== 'stdio' && !HTTP_TYPES.has(type)) {
    return { reason: `Its type "${entry.type}" is not one Izzie knows (stdio, http or streamable-http).` };
  }
  if (type === 'stdio' || (type === undefined && command !== undefined && url === undefined)) {
    return command !== undefined ? { transport: 'stdio', command } : { reason: 'It is a stdio server without a command to run.' };
  }
  if (type !== undefined || (command === undefined && url !== undefined)) {
    return url !== undefined ? { transport: 'http', url } : { reason: 'It is an HTTP server without a url.' };
  }
  if (command !== undefined) return { reason: 'It has both a command and a url; add it by hand as one or the other.' };
  return { reason: 'It has neither a command to run nor a url to connect to.' };
}

/** Endpoints of the old HTTP+SSE transport conventionally end in `/sse`. */
function looksLikeSse(url: string): boolean {
  try {
    return /\/sse\/?$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** `My Server (beta)` → `my-server-beta`; `''` when no letter is left to start with. */
export function serverName(original: string, taken: ReadonlySet<string>): string {
  const base = original
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, NAME_MAX)
    .replace(/-+$/, '');
  if (!base || !taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function parseJson(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`The file is not valid JSON: ${message}${where(source, message)}.`, { cause: error });
  }
}

/** Line and column for V8 messages that give only a position. */
function where(source: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position?.[1] || /line \d+/.test(message)) return '';
  const before = source.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      // A bad record key says only "Invalid key in record"; what is wrong with it is one level down.
      const message = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join(', ') : issue.message;
      return issue.path.length ? `${issue.path.join('.')}: ${message}` : message;
    })
    .join('; ');
}
