import { useState } from 'react';
import type { ToolCall } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { formatDuration } from './usage';
import './tool-card.css';

const STATUS: Record<ToolCall['status'], string> = {
  running: 'Running',
  ok: 'Done',
  error: 'Error',
  denied: 'Denied',
  pending: 'Waiting for approval',
};

/**
 * One tool the model called: name, status and time at a glance; arguments and result on demand.
 * A failed or refused call opens by itself, since its reason is what the person needs to see.
 */
export function ToolCallCard({ call }: { call: ToolCall }) {
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? (call.status === 'error' || call.status === 'denied');
  return (
    <div role="group" aria-label={`Tool call ${call.name}`} className={`tool-card tool-card--${call.status}`}>
      <button type="button" className="tool-card__head" aria-expanded={open} onClick={() => setToggled(!open)}>
        <Icon name="chevron" size={12} className="tool-card__chevron" />
        <Icon name="tool" size={14} className="tool-card__icon" />
        <span className="tool-card__name">{call.name}</span>
        <span className={`tool-status tool-status--${call.status}`}>
          {call.status === 'running' ? <span className="spinner" aria-hidden="true" /> : null}
          {call.status === 'ok' ? <Icon name="check" size={12} /> : null}
          {STATUS[call.status]}
        </span>
        {call.durationMs !== null ? <span className="tool-card__duration">{formatDuration(call.durationMs)}</span> : null}
      </button>
      {open ? (
        <div className="tool-card__body">
          <ToolText label="Arguments" text={call.arguments} empty="No arguments" />
          {call.result !== null ? <ToolText label="Result" text={call.result} empty="Empty result" /> : null}
        </div>
      ) : null}
    </div>
  );
}

function ToolText({ label, text, empty }: { label: string; text: string; empty: string }) {
  const shown = pretty(text);
  return (
    <div className="tool-card__section">
      <span className="tool-card__label">{label}</span>
      <pre className="tool-card__pre">{shown === '' || shown === '{}' ? empty : shown}</pre>
    </div>
  );
}

/** JSON is indented for reading; anything else is shown as it came. */
export function pretty(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : text;
  } catch {
    return text;
  }
}
