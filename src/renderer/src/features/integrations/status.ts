import type { IntegrationStatus, McpServerStatus } from '../../../../shared';

export type Tone = 'neutral' | 'ok' | 'pending' | 'warning' | 'danger';

export const INTEGRATION_STATUS: Record<IntegrationStatus, { label: string; tone: Tone }> = {
  disconnected: { label: 'Not connected', tone: 'neutral' },
  connecting: { label: 'Connecting…', tone: 'pending' },
  connected: { label: 'Connected', tone: 'ok' },
  error: { label: 'Needs attention', tone: 'danger' },
};

export const SERVER_STATUS: Record<McpServerStatus, { label: string; tone: Tone }> = {
  'not-connected': { label: 'Not connected', tone: 'neutral' },
  'needs-consent': { label: 'Needs your consent', tone: 'warning' },
  disabled: { label: 'Disabled', tone: 'neutral' },
  starting: { label: 'Starting…', tone: 'pending' },
  running: { label: 'Running', tone: 'ok' },
  crashed: { label: 'Crashed', tone: 'danger' },
  failed: { label: 'Failed', tone: 'danger' },
};
