import { useId, type KeyboardEvent } from 'react';
import type { EntityRef, Relation } from '../../../../shared';
import { CENTER_RADIUS, GRAPH_SIZE, NODE_RADIUS, layoutGraph } from './graph-layout';
import { relationVerb } from './memory-format';

const NAME_MAX = 18;

/**
 * The entity and what it is related to, drawn small: ended relations dashed and grey, arrows
 * pointing the way the relation reads ("Dana — manages → Atlas"). Each neighbour is a button.
 */
export function EntityGraph({
  entity,
  relations,
  onOpen,
}: {
  entity: EntityRef;
  relations: readonly Relation[];
  onOpen(entity: EntityRef): void;
}) {
  const markerId = `arrow${useId().replace(/[^\w-]/g, '')}`;
  const layout = layoutGraph(entity, relations);

  function onKeyDown(event: KeyboardEvent<SVGGElement>, neighbour: EntityRef) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(neighbour);
  }

  return (
    <figure className="graph">
      <svg
        className="graph__svg"
        viewBox={`0 0 ${GRAPH_SIZE.width} ${GRAPH_SIZE.height}`}
        role="group"
        aria-label={`What ${entity.name} is related to`}
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="graph__arrow" />
          </marker>
        </defs>
        {layout.edges.map(({ relation, path, label, current }) => (
          <g key={relation.id} className={current ? 'graph__edge' : 'graph__edge graph__edge--ended'} aria-hidden="true">
            <path d={path} markerEnd={`url(#${markerId})`} />
            <text x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle">
              {relationVerb(relation)}
              {current ? '' : ' (ended)'}
            </text>
          </g>
        ))}
        {layout.nodes.map(({ entity: neighbour, x, y }) => (
          <g
            key={neighbour.id}
            className="graph__node"
            data-kind={neighbour.kind}
            role="button"
            tabIndex={0}
            aria-label={neighbour.name}
            onClick={() => onOpen(neighbour)}
            onKeyDown={(event) => onKeyDown(event, neighbour)}
          >
            <title>{`${neighbour.name} (${neighbour.kind})`}</title>
            <circle className="graph__hit" cx={x} cy={y} r={NODE_RADIUS + 10} />
            <circle className="graph__dot" cx={x} cy={y} r={NODE_RADIUS} />
            <text x={x} y={y + NODE_RADIUS + 14} textAnchor="middle">
              {shorten(neighbour.name)}
            </text>
          </g>
        ))}
        <g className="graph__center" data-kind={entity.kind} aria-hidden="true">
          <circle cx={layout.center.x} cy={layout.center.y} r={CENTER_RADIUS} />
          <text x={layout.center.x} y={layout.center.y} textAnchor="middle" dominantBaseline="middle">
            {shorten(entity.name, 12)}
          </text>
        </g>
      </svg>
      <figcaption className="graph__caption">
        {layout.nodes.length === 0
          ? `Izzie knows no relations of ${entity.name} yet.`
          : `Solid lines hold now; dashed ones ended.${layout.hidden > 0 ? ` ${layout.hidden} more related in the timeline below.` : ''}`}
      </figcaption>
    </figure>
  );
}

function shorten(name: string, max = NAME_MAX): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
