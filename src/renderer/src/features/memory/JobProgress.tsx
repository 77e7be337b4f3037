import { useState } from 'react';
import type { MemoryJob } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { cancelJob } from './memory-actions';
import { formatPercent } from './memory-format';

/** The long job (re-embedding every memory): how far it is, a way to stop it, and how it ended. */
export function JobProgress() {
  const job = useMemory((s) => s.status?.job ?? null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!job || job.id === dismissed) return null;
  if (job.state === 'running') return <RunningJob job={job} />;

  const { text, icon, tone } = ending(job);
  return (
    <div className={`job job--${tone}`} role={job.state === 'failed' ? 'alert' : 'status'}>
      <Icon name={icon} size={15} className="job__icon" />
      <p className="job__text">{text}</p>
      <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => setDismissed(job.id)}>
        <Icon name="close" />
      </button>
    </div>
  );
}

function RunningJob({ job }: { job: MemoryJob }) {
  const client = useRpc();
  const [cancelling, setCancelling] = useState(false);
  const share = job.total > 0 ? job.done / job.total : 0;
  const progress = `${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')} memories`;

  async function cancel() {
    setCancelling(true);
    await cancelJob(client);
    setCancelling(false);
  }

  return (
    <div className="job job--running">
      <div className="job__row">
        <p className="job__text">
          <span className="spinner" aria-hidden="true" />
          {job.label}
        </p>
        <button
          type="button"
          className="button button--small"
          aria-label="Cancel re-embedding"
          disabled={cancelling}
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      </div>
      <div
        className="job__bar"
        role="progressbar"
        aria-label="Re-embedding progress"
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done}
        aria-valuetext={progress}
      >
        <div className="job__fill" style={{ width: formatPercent(share) }} />
      </div>
      <p className="job__detail">
        {progress} · {formatPercent(share)}
      </p>
    </div>
  );
}

function ending(job: MemoryJob): { text: string; icon: 'check' | 'alert' | 'info'; tone: 'ok' | 'failed' | 'quiet' } {
  const progress = `${job.done.toLocaleString('en')} of ${job.total.toLocaleString('en')}`;
  if (job.state === 'failed') {
    return {
      text: `Re-embedding failed after ${progress} memories: ${job.error ?? 'no reason given.'}`,
      icon: 'alert',
      tone: 'failed',
    };
  }
  if (job.state === 'cancelled')
    return { text: `Re-embedding cancelled after ${progress} memories.`, icon: 'info', tone: 'quiet' };
  return { text: `Re-embedded all ${job.total.toLocaleString('en')} memories.`, icon: 'check', tone: 'ok' };
}
