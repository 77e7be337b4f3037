import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ImportReport } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { importServers } from './integrations-actions';
import { SERVER_STATUS } from './status';
import { FormError } from '../../components/FormError';

/** The contract's limit on `mcp.import`'s text. */
const MAX_CHARS = 1_000_000;

/**
 * Brings in the servers of a Claude Desktop `claude_desktop_config.json`, pasted or read from a
 * file. The report says what was added (commands still wait for consent, one by one) and what was
 * skipped, with the reason.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const client = useRpc();
  const [json, setJson] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = ''; // choosing the same file again reads it again
    if (!file) return;
    if (file.size > MAX_CHARS) {
      setError(`${file.name} is too large to be an MCP configuration (over 1 MB).`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setJson(typeof reader.result === 'string' ? reader.result : '');
      setFileName(file.name);
      setError(null);
    };
    reader.onerror = () => setError(`Couldn’t read ${file.name}.`);
    reader.readAsText(file);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = jsonProblem(json);
    if (invalid) return setError(invalid);
    setBusy(true);
    setError(null);
    const outcome = await importServers(client, json);
    setBusy(false);
    if (outcome.ok) setReport(outcome.value);
    else setError(outcome.problem.message);
  }

  return (
    <Dialog
      title="Import from Claude Desktop"
      description={
        report ? undefined : (
          <>
            Paste your <code>claude_desktop_config.json</code> (Claude Desktop → Settings → Developer → Edit Config), or choose
            the file. Nothing runs until you agree to each command.
          </>
        )
      }
      onClose={onClose}
    >
      {report ? (
        <div className="import-report">
          <h3 ref={reportRef} className="import-report__title" tabIndex={-1}>
            {report.added.length === 0
              ? 'No servers were added'
              : `Added ${report.added.length} ${report.added.length === 1 ? 'server' : 'servers'}`}
          </h3>
          {report.added.length > 0 ? (
            <ul className="import-report__list" aria-label="Added servers">
              {report.added.map((server) => (
                <li key={server.id}>
                  <Icon name="check" size={14} className="import-report__ok" />
                  <span>
                    <strong>{server.name}</strong> —{' '}
                    {server.status === 'needs-consent'
                      ? 'needs your consent before it runs; review its command in the list.'
                      : SERVER_STATUS[server.status].label.toLowerCase()}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {report.skipped.length > 0 ? (
            <>
              <h3 className="import-report__subtitle">Skipped {report.skipped.length}</h3>
              <ul className="import-report__list" aria-label="Skipped servers">
                {report.skipped.map((skipped, index) => (
                  <li key={`${index}-${skipped.name}`}>
                    <Icon name="alert" size={14} className="import-report__skipped" />
                    <span>
                      <strong>{skipped.name}</strong> — {skipped.reason}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-form" aria-label="Import from Claude Desktop" noValidate onSubmit={(e) => void submit(e)}>
          <Field label="Configuration (JSON)" hint={fileName ? `Read from ${fileName}. Check it, then import.` : undefined}>
            {(control) => (
              <textarea
                {...control}
                aria-invalid={Boolean(error)}
                className="input input--mono import-json"
                rows={10}
                value={json}
                placeholder={'{\n  "mcpServers": {\n    "files": { "command": "npx", "args": ["-y", "…"] }\n  }\n}'}
                spellCheck={false}
                onChange={(e) => {
                  setJson(e.currentTarget.value);
                  setError(null);
                }}
              />
            )}
          </Field>
          <label className="button button--small file-button">
            <input type="file" accept=".json,application/json" className="visually-hidden" onChange={readFile} />
            Choose a file…
          </label>
          <FormError message={error} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || !json.trim()} aria-busy={busy}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Catches a broken paste before it travels; the core checks the shape. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
