import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import type { IconName } from './Icon';
import './components.css';

/** A page whose feature has not arrived yet: says plainly what will appear here. No fake data. */
export function PlaceholderPage({
  title,
  subtitle,
  icon,
  emptyTitle,
  children,
}: {
  title: string;
  subtitle: string;
  icon: IconName;
  emptyTitle: string;
  children: ReactNode;
}) {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{title}</h1>
        <p className="page__subtitle">{subtitle}</p>
      </header>
      <div className="page__panel">
        <EmptyState icon={icon} title={emptyTitle}>
          {children}
        </EmptyState>
      </div>
    </div>
  );
}
