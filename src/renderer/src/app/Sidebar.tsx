import { Icon, Logo, type IconName } from '../components/Icon';
import { useApprovals } from '../stores/approvals';
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

interface Badge {
  count: number;
  /** What a screen reader says after the page's name. */
  said: string;
  title: string;
}

export function Sidebar() {
  const page = useNavigation((s) => s.page);
  const navigate = useNavigation((s) => s.navigate);
  const unread = useRuns((s) => s.unread);
  const pending = useApprovals((s) => s.pending);
  const badges: Partial<Record<PageId, Badge>> = {
    activity: { count: unread, said: `${unread} unread`, title: plural(unread, 'unread notification') },
    approvals: { count: pending, said: `${pending} waiting`, title: `${plural(pending, 'action')} waiting for your approval` },
  };
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
                <CountBadge badge={badges[item.page]} />
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

/**
 * A count beside a page's name — unread notifications on Activity, approvals waiting on Approvals —
 * shown as the number and read out in words ("3 unread", "2 waiting"). Nothing while it is zero.
 */
function CountBadge({ badge }: { badge: Badge | undefined }) {
  if (!badge || badge.count <= 0) return null;
  return (
    <>
      {' '}
      <span className="nav-item__badge" title={badge.title}>
        <span aria-hidden="true">{badge.count > 99 ? '99+' : String(badge.count)}</span>
        <span className="visually-hidden">{badge.said}</span>
      </span>
    </>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
