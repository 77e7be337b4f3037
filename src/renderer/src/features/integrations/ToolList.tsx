import { PROXY_ACTION_CLASSES, type ActionClass, type McpToolInfo } from '../../../../shared';

const EXPLAIN: Record<ActionClass, string> = {
  read: 'Only reads — runs without asking',
  draft: 'Only drafts — nothing leaves until you send it',
  create: 'Acts as you — needs your approval',
  update: 'Acts as you — needs your approval',
  delete: 'Acts as you — needs your approval',
  send: 'Acts as you — needs your approval',
};

/** What a tool does to the world, in the colour of the trust it needs. */
export function ActionBadge({ actionClass }: { actionClass: ActionClass }) {
  const proxy = PROXY_ACTION_CLASSES.includes(actionClass);
  return (
    <span className={proxy ? 'action-badge action-badge--proxy' : 'action-badge'} title={EXPLAIN[actionClass]}>
      {actionClass}
      <span className="visually-hidden">: {EXPLAIN[actionClass]}</span>
    </span>
  );
}

export function ToolList({ id, serverName, tools }: { id: string; serverName: string; tools: McpToolInfo[] }) {
  return (
    <ul id={id} className="tools" aria-label={`Tools of ${serverName}`}>
      {tools.map((tool) => (
        <li key={tool.name} className="tool">
          <div className="tool__head">
            <code className="tool__name">{tool.name}</code>
            <ActionBadge actionClass={tool.actionClass} />
          </div>
          <p className="tool__description">
            {tool.title ? <span className="tool__title">{tool.title}. </span> : null}
            {tool.description}
          </p>
        </li>
      ))}
    </ul>
  );
}
