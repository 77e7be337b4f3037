import { useState } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { exportLog } from './audit-actions';

/** Saves every entry the filters let through (not only the pages loaded) as JSON or CSV. */
export function ExportButtons() {
  const client = useRpc();
  const [busy, setBusy] = useState<'json' | 'csv' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save(format: 'json' | 'csv') {
    setBusy(format);
    setSaved(null);
    const file = await exportLog(client, format);
    setBusy(null);
    if (file)
      setSaved(`Saved ${file.entries.toLocaleString('en')} ${file.entries === 1 ? 'entry' : 'entries'} as ${file.filename}.`);
  }

  return (
    <div className="audit-export">
      <span className="audit-export__saved" role="status">
        {saved}
      </span>
      <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void save('json')}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void save('csv')}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
    </div>
  );
}
