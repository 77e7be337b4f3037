import type { EntityRef, Relation } from '../../../../shared';

export interface Point {
  x: number;
  y: number;
}

export interface GraphNode extends Point {
  entity: EntityRef;
}

export interface GraphEdge {
  relation: Relation;
  /** An SVG path from the relation's `from` to its `to`, stopping short of both circles so an arrowhead shows. */
  path: string;
  label: Point;
  current: boolean;
}

export interface GraphLayout {
  center: Point;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Neighbours left out of the drawing (the timeline still lists them). */
  hidden: number;
}

export const GRAPH_SIZE = { width: 440, height: 300 };
export const CENTER_RADIUS = 30;
export const NODE_RADIUS = 9;
const MAX_NEIGHBOURS = 10;
/** How far apart parallel edges between the same two entities bend. */
const BEND = 40;

/**
 * The entity in the middle and its neighbours on an ellipse around it, in the order they were
 * first related. Each relation is its own edge: several between the same two entities bow apart
 * so each label stays readable.
 */
export function layoutGraph(center: EntityRef, relations: readonly Relation[], size = GRAPH_SIZE): GraphLayout {
  const middle = { x: size.width / 2, y: size.height / 2 };
  const byNeighbour = new Map<string, { entity: EntityRef; relations: Relation[] }>();
  for (const relation of [...relations].sort((a, b) => a.validFrom - b.validFrom)) {
    const other = relation.from.id === center.id ? relation.to : relation.from;
    if (other.id === center.id) continue;
    const entry = byNeighbour.get(other.id) ?? { entity: other, relations: [] };
    entry.relations.push(relation);
    byNeighbour.set(other.id, entry);
  }

  const shown = [...byNeighbour.values()].slice(0, MAX_NEIGHBOURS);
  // Room at the sides for a name under each dot, and above and below for one line.
  const radiusX = size.width / 2 - 70;
  const radiusY = size.height / 2 - 45;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  shown.forEach(({ entity, relations: between }, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    const node = { entity, x: middle.x + radiusX * Math.cos(angle), y: middle.y + radiusY * Math.sin(angle) };
    nodes.push(node);
    between.forEach((relation, j) => {
      const outgoing = relation.from.id === center.id;
      const bend = (j - (between.length - 1) / 2) * BEND;
      edges.push(edge(relation, outgoing ? middle : node, outgoing ? node : middle, outgoing, bend));
    });
  });
  return { center: middle, nodes, edges, hidden: byNeighbour.size - shown.length };
}

function edge(relation: Relation, from: Point, to: Point, fromCenter: boolean, bend: number): GraphEdge {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  // The bend is perpendicular to the straight line, always on the same side for the same pair.
  const sign = fromCenter ? 1 : -1;
  const control = { x: (from.x + to.x) / 2 - (dy / length) * bend * sign, y: (from.y + to.y) / 2 + (dx / length) * bend * sign };
  const start = toward(from, control, fromCenter ? CENTER_RADIUS : NODE_RADIUS);
  const end = toward(to, control, (fromCenter ? NODE_RADIUS : CENTER_RADIUS) + 3);
  const label = { x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y };
  return {
    relation,
    path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
    label: { x: round(label.x), y: round(label.y) },
    current: relation.invalidAt === null,
  };
}

/** `point` moved `distance` toward `target`. */
function toward(point: Point, target: Point, distance: number): Point {
  const length = Math.hypot(target.x - point.x, target.y - point.y) || 1;
  return { x: point.x + ((target.x - point.x) / length) * distance, y: point.y + ((target.y - point.y) / length) * distance };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
