import { useRef, useState, type FormEvent } from 'react';
import type { AddServerInput, McpServer } from '../../../../shared';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { Dialog } from './Dialog';
import { Field, TextField } from './Field';
import { NO_PROBLEM, type FormProblem } from './form-problem';
import { addServer } from './integrations-actions';
import { KeyValueRows, rowsToRecord, type KeyValueRow } from './KeyValueRows';
import { FormError } from '../../components/FormError';

type Transport = 'stdio' | 'http';
type FieldKey = 'name' | 'command' | 'args' | 'cwd' | 'env' | 'url' | 'headers';

const FIELDS: readonly FieldKey[] = ['name', 'command', 'args', 'cwd', 'env', 'url', 'headers'];
const TRANSPORTS = [
  { value: 'stdio', label: 'Command (stdio)' },
  { value: 'http', label: 'URL (HTTP)' },
] as const;

/**
 * Adds an external MCP server. Arguments are one per line, so an argument with spaces needs no
 * quoting and means exactly what was typed. Environment and header values are secrets: they go to
 * the keychain and are never shown again. A command waits for the person's consent before it runs.
 */
export function AddServerDialog({ onClose, onAdded }: { onClose(): void; onAdded(server: McpServer): void }) {
  const client = useRpc();
  const [transport, setTransport] = useState<Transport>('stdio');
  const [name, setName] = useState('');
  const [command, setCommand] = useState('');
  const [args, setArgs] = useState('');
  const [cwd, setCwd] = useState('');
  const [env, setEnv] = useState<KeyValueRow[]>([]);
  const [url, setUrl] = useState('');
  const [headers, setHeaders] = useState<KeyValueRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FormProblem<FieldKey>>(NO_PROBLEM);
  const nextRow = useRef(1);

  const addRow = (set: (update: (rows: KeyValueRow[]) => KeyValueRow[]) => void) =>
    set((rows) => [...rows, { id: nextRow.current++, key: '', value: '' }]);

  function build(): AddServerInput | FormProblem<FieldKey> {
    if (transport === 'http') {
      const record = rowsToRecord(headers, 'Header');
      if (typeof record === 'string') return { message: null, fields: { headers: record } };
      return { transport, name: name.trim(), url: url.trim(), headers: record };
    }
    const record = rowsToRecord(env, 'Variable');
    if (typeof record === 'string') return { message: null, fields: { env: record } };
    return {
      transport,
      name: name.trim(),
      command: command.trim(),
      args: splitArguments(args),
      ...(cwd.trim() ? { cwd: cwd.trim() } : {}),
      env: record,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = build();
    if ('fields' in input) return setProblem(input);
    setBusy(true);
    setProblem(NO_PROBLEM);
    const outcome = await addServer(client, input, FIELDS);
    setBusy(false);
    if (outcome.ok) onAdded(outcome.value);
    else setProblem(outcome.problem);
  }

  return (
    <Dialog
      title="Add an MCP server"
      description="A program Izzie starts on this computer, or a server it reaches by URL. Its tools join Izzie’s, named after it."
      onClose={onClose}
    >
      <form className="dialog-form" aria-label="Add an MCP server" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          placeholder="e.g. files"
          mono
          hint={
            <>
              Lowercase letters, digits and “-”. Its tools are called <code>{name.trim() || 'name'}.tool</code>.
            </>
          }
          error={problem.fields.name}
        />
        <div className="field">
          <span className="field__label" aria-hidden="true">
            Transport
          </span>
          <Segmented
            label="Transport"
            value={transport}
            onChange={(next) => {
              setTransport(next);
              setProblem(NO_PROBLEM);
            }}
            options={TRANSPORTS}
          />
        </div>
        {transport === 'stdio' ? (
          <>
            <TextField
              label="Command"
              value={command}
              onChange={setCommand}
              placeholder="npx"
              mono
              hint="The program to run, as you would type it first in a terminal."
              error={problem.fields.command}
            />
            <Field
              label="Arguments"
              optional
              hint="One per line. Spaces inside a line stay part of that argument; no quoting needed."
              error={problem.fields.args}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="input input--mono"
                  rows={4}
                  value={args}
                  placeholder={'-y\n@modelcontextprotocol/server-filesystem\n/Users/me/My Documents'}
                  spellCheck={false}
                  onChange={(e) => setArgs(e.currentTarget.value)}
                />
              )}
            </Field>
            <TextField
              label="Working directory"
              value={cwd}
              onChange={setCwd}
              optional
              mono
              placeholder="/Users/me/projects"
              error={problem.fields.cwd}
            />
            <KeyValueRows
              legend="Environment variables"
              noun="Variable"
              keyPlaceholder="API_KEY"
              rows={env}
              onChange={setEnv}
              onAdd={() => addRow(setEnv)}
              hint="Values go to your system keychain and reach the program by environment. Izzie never shows them again."
              error={problem.fields.env}
            />
          </>
        ) : (
          <>
            <TextField
              label="URL"
              type="url"
              value={url}
              onChange={setUrl}
              placeholder="https://mcp.example.com/mcp"
              hint="A Streamable HTTP endpoint."
              error={problem.fields.url}
            />
            <KeyValueRows
              legend="Headers"
              noun="Header"
              keyPlaceholder="Authorization"
              rows={headers}
              onChange={setHeaders}
              onAdd={() => addRow(setHeaders)}
              hint="Sent with every request. Values go to your system keychain; Izzie never shows them again."
              error={problem.fields.headers}
            />
          </>
        )}
        <FormError message={problem.message} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {busy ? 'Adding…' : 'Add server'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One argument per line; blank lines are gaps between arguments, not empty arguments. */
export function splitArguments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
