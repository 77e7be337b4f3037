import { useConnection, type ConnectionState } from '../stores/connection';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
};

export function ConnectionIndicator() {
  const state = useConnection((s) => s.state);
  const transport = useConnection((s) => s.transport);
  return (
    <div
      className="connection"
      data-state={state}
      title={transport === 'ipc' ? 'Desktop app' : 'Local WebSocket to the Izzie host'}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span role="status" className="connection__label">
        {LABELS[state]}
      </span>
    </div>
  );
}
