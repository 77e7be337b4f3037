import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './components.css';

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: IconName;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-state__icon">
        <Icon name={icon} size={22} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__body">{children}</p>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
