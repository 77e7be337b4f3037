import type { MemoryKind, MemorySource, PersonaId, Relation, SourceType } from '../../../../shared';

export const PERSONA_NAMES: Record<PersonaId, string> = { work: 'Work', personal: 'Personal' };

export const KIND_NAMES: Record<MemoryKind, string> = {
  fact: 'Fact',
  preference: 'Preference',
  relationship: 'Relationship',
  event: 'Event',
  style: 'Style',
};

const SOURCE_NAMES: Record<SourceType, string> = {
  chat_message: 'chat',
  email: 'email',
  slack_message: 'Slack message',
  github: 'GitHub',
  linear: 'Linear',
  calendar_event: 'calendar event',
  manual: 'note',
};

/** "from chat ‘Plan the offsite’", "from email ‘Q3 budget’", "added by you". */
export function describeSource(source: MemorySource): string {
  if (source.type === 'manual') return 'added by you';
  const name = SOURCE_NAMES[source.type];
  return source.label ? `from ${name} ‘${source.label}’` : `from a ${name}`;
}

export function sourceTypeName(type: SourceType): string {
  const name = SOURCE_NAMES[type];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "work" → "Work"; namespaces are lowercase identifiers. */
export function namespaceName(namespace: string): string {
  return namespace.charAt(0).toUpperCase() + namespace.slice(1);
}

export function formatDate(at: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function formatCount(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** `works_on` → "works on". */
export function relationVerb(relation: Relation): string {
  return relation.type.replace(/[_-]+/g, ' ');
}
