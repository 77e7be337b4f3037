import { useRef, type KeyboardEvent } from 'react';
import { namespaceName } from './memory-format';

export interface NamespaceTab {
  /** Null: every namespace. */
  namespace: string | null;
  count: number;
}

/**
 * Tabs for the namespaces, each with how many memories it holds. Arrow keys, Home and End move
 * between them and show the one they land on (one Tab stop for the whole row).
 */
export function NamespaceTabs({
  tabs,
  value,
  panelId,
  tabId,
  onChange,
}: {
  tabs: readonly NamespaceTab[];
  value: string | null;
  panelId: string;
  tabId(namespace: string | null): string;
  onChange(namespace: string | null): void;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.namespace === value);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onChange(tab.namespace);
    listRef.current?.querySelector<HTMLElement>(`[id="${tabId(tab.namespace)}"]`)?.focus();
  }

  return (
    <div ref={listRef} className="namespace-tabs" role="tablist" aria-label="Namespaces" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.namespace === value;
        const name = tab.namespace === null ? 'All' : namespaceName(tab.namespace);
        return (
          <button
            key={tab.namespace ?? ''}
            id={tabId(tab.namespace)}
            type="button"
            role="tab"
            className="namespace-tab"
            aria-selected={selected}
            aria-controls={panelId}
            aria-label={`${name} (${tab.count.toLocaleString('en')})`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.namespace)}
          >
            {name}
            <span className="namespace-tab__count" aria-hidden="true">
              {tab.count.toLocaleString('en')}
            </span>
          </button>
        );
      })}
    </div>
  );
}
