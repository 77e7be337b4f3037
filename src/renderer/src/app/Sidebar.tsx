import { Icon, Logo, type IconName } from '../components/Icon';
import { useNavigation, type PageId } from '../stores/navigation';
import { useRuns } from '../stores/runs';
import { ConnectionIndicator } from './ConnectionIndicator';

const ITEMS: { page: PageId; label: string; icon: IconName }[] = [
  { page: 'chat', label: 'Chat', icon: 'chat' },
  { page: 'approvals', label: 'Approvals', icon: 'approvals' },
  { page: 'activity', label: 'Activity', icon: 'activity' },
  { page: 'memory', label: 'Memory', icon: 'memory' },
  { page: 'audit', label: 'Audit', icon: 'audit' },
  { page: 'integrations', label: 'Integrations', icon: 'integrations' },
  { page: 'settings', label: 'Settings', icon: 'settings' },
];

export function Sidebar() {
  const page = useNavigation((s) => s.page);
  const navigate = useNavigation((s) => s.navigate);
  const unread = useRuns((s) => s.unread);
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <Logo size={22} />
        <span className="sidebar__name">Izzie</span>
      </div>
      <nav aria-label="Main" className="sidebar__nav">
        <ul>
          {ITEMS.map((item) => (
            <li key={item.page}>
              <button
                type="button"
                className="nav-item"
                aria-current={page === item.page ? 'page' : undefined}
                onClick={() => navigate(item.page)}
              >
                <Icon name={item.icon} className="nav-item__icon" />
                <span>{item.label}</span>
                {item.page === 'activity' && unread > 0 ? (
                  <>
                    {' '}
                    <UnreadBadge unread={unread} />
                  </>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__footer">
        <ConnectionIndicator />
      </div>
    </aside>
  );
}

/** Unread notifications (they all lead to Activity): the number, read out as "3 unread". */
function UnreadBadge({ unread }: { unread: number }) {
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <span className="nav-item__badge" title={`${unread} unread notification${unread === 1 ? '' : 's'}`}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{unread} unread</span>
    </span>
  );
}
