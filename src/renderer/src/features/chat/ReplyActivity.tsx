import type { ReplyActivity as Activity } from '../../stores/activity';

const LABELS: Record<Activity['state'], string> = {
  thinking: 'Thinking…',
  streaming: 'Writing…',
  tool: 'Using a tool…',
  retrying: 'Retrying…',
  summarizing: 'Summarizing earlier messages…',
  idle: '',
};

/** What a running reply is doing, in the core's words when it has some ("Using current_time…"). */
export function ReplyActivity({ activity, hasText }: { activity: Activity | undefined; hasText: boolean }) {
  const label = activity ? (activity.notice ?? LABELS[activity.state]) : hasText ? LABELS.streaming : LABELS.thinking;
  return (
    <div className="reply-activity" role="status" data-state={activity?.state ?? 'streaming'}>
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span>{label}</span>
    </div>
  );
}
