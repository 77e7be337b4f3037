import { Icon, Logo, type IconName } from '../components/Icon';
import { useNavigation, type PageId } from '../stores/navigation';
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
