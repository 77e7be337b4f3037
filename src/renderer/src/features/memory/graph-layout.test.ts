import { describe, expect, it } from 'vitest';
import { entity, ref, relation } from '../../test-support/fake-memory';
import { CENTER_RADIUS, GRAPH_SIZE, layoutGraph } from './graph-layout';

const DANA = ref(entity('Dana Reyes', 'person'));
const ATLAS = ref(entity('Project Atlas', 'project'));
const ACME = ref(entity('Acme', 'organization'));

describe('layoutGraph', () => {
  it('puts the entity in the middle and each neighbour once around it, in the order they were first related', () => {
    const layout = layoutGraph(DANA, [
      relation(DANA, 'works_at', ACME, { validFrom: 3 }),
      relation(DANA, 'manages', ATLAS, { validFrom: 1 }),
      relation(ATLAS, 'reports_to', DANA, { validFrom: 2 }),
    ]);
    expect(layout.center).toEqual({ x: GRAPH_SIZE.width / 2, y: GRAPH_SIZE.height / 2 });
    expect(layout.nodes.map((n) => n.entity.name)).toEqual(['Project Atlas', 'Acme']);
    // The first neighbour sits straight above the middle; the second opposite it.
    expect(layout.nodes[0]?.x).toBeCloseTo(layout.center.x);
    expect(layout.nodes[0]?.y).toBeLessThan(layout.center.y);
    expect(layout.nodes[1]?.y).toBeGreaterThan(layout.center.y);
    expect(layout.edges).toHaveLength(3);
    expect(layout.hidden).toBe(0);
  });

  it('bows parallel relations apart and draws each from its `from` to its `to`', () => {
    const layout = layoutGraph(DANA, [
      relation(DANA, 'manages', ATLAS, { validFrom: 1 }),
      relation(ATLAS, 'reports_to', DANA, { validFrom: 2 }),
    ]);
    const [manages, reports] = layout.edges;
    expect(manages?.path).not.toEqual(reports?.path);
    expect(manages?.label).not.toEqual(reports?.label);
    const start = (path = '') => path.split(' ').slice(1, 3).map(Number);
    const node = layout.nodes[0];
    // "manages" leaves the middle circle; "reports to" leaves the neighbour.
    const [mx = 0, my = 0] = start(manages?.path);
    expect(Math.hypot(mx - layout.center.x, my - layout.center.y)).toBeCloseTo(CENTER_RADIUS, 0);
    const [rx = 0, ry = 0] = start(reports?.path);
    expect(Math.hypot(rx - (node?.x ?? 0), ry - (node?.y ?? 0))).toBeLessThan(CENTER_RADIUS);
  });

  it('marks ended relations, skips relations to itself, and leaves out neighbours past ten', () => {
    const others = Array.from({ length: 12 }, (_, i) => ref(entity(`Topic ${i}`, 'topic')));
    const layout = layoutGraph(DANA, [
      relation(DANA, 'knows', DANA),
      relation(DANA, 'managed', ATLAS, { validFrom: 1, invalidAt: 5 }),
      ...others.map((other, i) => relation(DANA, 'follows', other, { validFrom: 10 + i })),
    ]);
    expect(layout.nodes).toHaveLength(10);
    expect(layout.hidden).toBe(3);
    expect(layout.edges.find((e) => e.relation.type === 'managed')?.current).toBe(false);
    expect(layout.edges.filter((e) => e.current)).toHaveLength(9);
    expect(layout.edges.some((e) => e.relation.type === 'knows')).toBe(false);
  });
});
