import type { OperatingMode, PersonaId, Thread } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { Segmented, type SegmentedOption } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { configureThread } from './reply-actions';

const PERSONAS: SegmentedOption<PersonaId>[] = [
  { value: 'work', label: 'Work', title: 'Work persona: its prompt, tools and memory' },
  { value: 'personal', label: 'Personal', title: 'Personal persona: its prompt, tools and memory' },
];

const MODES: SegmentedOption<OperatingMode>[] = [
  { value: 'assistant', label: 'Assistant', title: 'Izzie speaks as itself' },
  { value: 'proxy', label: 'Proxy', name: 'Proxy (speaks as you)', title: 'Proxy: Izzie speaks as you' },
];

/** The open thread's title, with who answers (persona) and in whose voice (mode). */
export function ThreadHeader({ thread, threadId }: { thread: Thread | undefined; threadId: string | null }) {
  const client = useRpc();
  return (
    <>
      <header className="conversation__header">
        <h2 className={thread ? 'conversation__title' : 'conversation__title conversation__title--muted'}>
          {thread?.title ?? (threadId ? '' : 'New conversation')}
        </h2>
        {thread && thread.messageCount > 0 ? (
          <span className="conversation__count">
            {thread.messageCount} {thread.messageCount === 1 ? 'message' : 'messages'}
          </span>
        ) : null}
        {thread ? (
          <div className="conversation__switches">
            <Segmented
              small
              label="Persona"
              options={PERSONAS}
              value={thread.persona}
              onChange={(persona) => void configureThread(client, thread.id, { persona })}
            />
            <Segmented
              small
              label="Mode"
              options={MODES}
              value={thread.mode}
              onChange={(mode) => void configureThread(client, thread.id, { mode })}
            />
          </div>
        ) : null}
      </header>
      {thread?.mode === 'proxy' ? (
        <p className="proxy-hint">
          <Icon name="user" size={14} />
          <span>
            <strong>Proxy mode.</strong> Izzie speaks as you and can send email, post to Slack or create issues, but each action
            waits in Approvals for your approval unless a grant you gave allows it. Once this conversation has read outside
            content (mail, Slack, issues), Izzie always asks you first. An approved action goes out after the undo window
            (Settings → Permissions).
          </span>
        </p>
      ) : null}
    </>
  );
}
