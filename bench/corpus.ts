import type { EntityKind } from '../src/shared';

/**
 * Distinct, realistic memory sentences for the benchmark (people, projects, organizations, places,
 * preferences), generated from a fixed seed so every run measures the same texts.
 */
export interface CorpusItem {
  readonly text: string;
  readonly entities: readonly { name: string; kind: EntityKind; aliases: readonly string[] }[];
  readonly relations: readonly { from: string; type: string; to: string }[];
}

const FIRST = [
  'Dana',
  'Luis',
  'Priya',
  'Marcus',
  'Aiko',
  'Omar',
  'Grace',
  'Tomas',
  'Nadia',
  'Ethan',
  'Chloe',
  'Ravi',
  'Sofia',
  'Jonah',
  'Mei',
  'Kwame',
  'Lena',
  'Diego',
  'Hana',
  'Felix',
  'Zara',
  'Noah',
  'Ines',
  'Yuki',
  'Amara',
  'Bruno',
  'Clara',
  'Dev',
  'Elif',
  'Farah',
];
const LAST = [
  'Reyes',
  'Chen',
  'Patel',
  'Okafor',
  'Tanaka',
  'Haddad',
  'Kim',
  'Novak',
  'Silva',
  'Berg',
  'Moreau',
  'Iyer',
  'Rossi',
  'Adler',
  'Wong',
  'Mensah',
  'Fischer',
  'Lopez',
  'Sato',
  'Kowalski',
];
const PROJECTS = [
  'Atlas',
  'Orion',
  'Beacon',
  'Harbor',
  'Nimbus',
  'Falcon',
  'Juniper',
  'Quartz',
  'Mosaic',
  'Summit',
  'Lantern',
  'Cobalt',
];
const ORGS = ['Acme', 'Globex', 'Initech', 'Umbrella Health', 'Stark Labs', 'Wayne Logistics', 'Hooli', 'Vandelay Imports'];
const PLACES = ['Berlin', 'Lisbon', 'Austin', 'Toronto', 'Kyoto', 'Nairobi', 'Oslo', 'Denver', 'Porto', 'Seoul'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = [
  'the quarterly budget',
  'the hiring plan',
  'the launch checklist',
  'the security review',
  'the onboarding docs',
  'the API migration',
  'the design system',
  'the customer survey',
  'the pricing change',
  'the incident report',
];
const HABITS = [
  'prefers meetings after 10am',
  'likes short status updates',
  'wants weekly summaries on Friday',
  'avoids calls on Mondays',
  'prefers Slack over email',
  'wants drafts in a formal tone',
  'likes agendas sent a day early',
  'prefers async reviews',
];
const FOODS = ['ramen', 'tacos', 'sushi', 'falafel', 'pho', 'pizza', 'curry', 'dumplings'];

type Parts = {
  p: string;
  q: string;
  project: string;
  org: string;
  place: string;
  day: string;
  topic: string;
  habit: string;
  food: string;
  n: number;
};
const person = (name: string) => ({ name, kind: 'person' as const, aliases: [] });
const project = (name: string) => ({ name: `Project ${name}`, kind: 'project' as const, aliases: [name] });

const TEMPLATES: ReadonlyArray<(x: Parts) => CorpusItem> = [
  (x) => ({
    text: `${x.p} manages ${x.q} on Project ${x.project}`,
    entities: [person(x.p), person(x.q), project(x.project)],
    relations: [{ from: x.p, type: 'manages', to: x.q }],
  }),
  (x) => ({
    text: `${x.p} asked to move the ${x.project} review to ${x.day}`,
    entities: [person(x.p), project(x.project)],
    relations: [{ from: x.p, type: 'works_on', to: `Project ${x.project}` }],
  }),
  (x) => ({
    text: `${x.p} works at ${x.org} in ${x.place}`,
    entities: [person(x.p), { name: x.org, kind: 'organization', aliases: [] }],
    relations: [{ from: x.p, type: 'works_at', to: x.org }],
  }),
  (x) => ({ text: `${x.p} ${x.habit}`, entities: [person(x.p)], relations: [] }),
  (x) => ({
    text: `${x.p} owns ${x.topic} for Project ${x.project}`,
    entities: [person(x.p), project(x.project)],
    relations: [{ from: x.p, type: 'owns', to: `Project ${x.project}` }],
  }),
  (x) => ({ text: `The ${x.project} deadline moved to ${x.day} of week ${x.n}`, entities: [project(x.project)], relations: [] }),
  (x) => ({
    text: `${x.p} and ${x.q} had ${x.food} in ${x.place} after the ${x.project} offsite`,
    entities: [person(x.p), person(x.q)],
    relations: [{ from: x.p, type: 'knows', to: x.q }],
  }),
  (x) => ({ text: `${x.p} will send ${x.topic} to ${x.q} by ${x.day}`, entities: [person(x.p), person(x.q)], relations: [] }),
  (x) => ({
    text: `${x.org} signed a contract for Project ${x.project} worth ${x.n * 10} thousand`,
    entities: [{ name: x.org, kind: 'organization', aliases: [] }, project(x.project)],
    relations: [{ from: x.org, type: 'funds', to: `Project ${x.project}` }],
  }),
  (x) => ({ text: `${x.p} is flying to ${x.place} on ${x.day} for ${x.org}`, entities: [person(x.p)], relations: [] }),
  (x) => ({ text: `${x.p}'s birthday dinner is at a ${x.food} place on ${x.day}`, entities: [person(x.p)], relations: [] }),
  (x) => ({
    text: `${x.q} reviews pull requests for ${x.project} every ${x.day}`,
    entities: [person(x.q), project(x.project)],
    relations: [{ from: x.q, type: 'reviews', to: `Project ${x.project}` }],
  }),
];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** `count` distinct items; the same seed always gives the same list. */
export function corpus(count: number, seed = 12345): CorpusItem[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const seen = new Set<string>();
  const out: CorpusItem[] = [];
  while (out.length < count) {
    const parts: Parts = {
      p: `${pick(FIRST)} ${pick(LAST)}`,
      q: `${pick(FIRST)} ${pick(LAST)}`,
      project: pick(PROJECTS),
      org: pick(ORGS),
      place: pick(PLACES),
      day: pick(DAYS),
      topic: pick(TOPICS),
      habit: pick(HABITS),
      food: pick(FOODS),
      n: 1 + Math.floor(random() * 52),
    };
    const item = pick(TEMPLATES)(parts);
    if (parts.p === parts.q || seen.has(item.text)) continue;
    seen.add(item.text);
    out.push(item);
  }
  return out;
}
