import type { WeightedEdge } from "../../src/match/internal/maxWeightAssignment.js";

/**
 * The best total of an assignment by a method unlike the library's: min-cost
 * flow from one source through all rows, each augmenting path found by
 * Bellman-Ford (with a queue) on the residual graph's plain costs (negative ones included,
 * no potentials), stopping when no path adds value. Slow; for checking only.
 */
export function assignmentOptimum(rows: number, capacities: readonly number[], edges: readonly WeightedEdge[]): number {
  const source = rows + capacities.length;
  const sink = source + 1;
  const arcs: { from: number; to: number; cap: number; cost: number }[] = [];
  const add = (from: number, to: number, cap: number, cost: number) => {
    arcs.push({ from, to, cap, cost }, { from: to, to: from, cap: 0, cost: -cost });
  };
  for (let row = 0; row < rows; row += 1) add(source, row, 1, 0);
  for (const edge of edges) add(edge.row, rows + edge.column, 1, -edge.value);
  capacities.forEach((capacity, column) => add(rows + column, sink, capacity, 0));
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  arcs.forEach((arc, index) => out[arc.from]?.push(index));
  let total = 0;
  for (;;) {
    const distance = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    distance[source] = 0;
    // Bellman-Ford with a queue of the nodes whose distance fell.
    const queue = [source];
    const queued = new Set(queue);
    while (queue.length > 0) {
      const node = queue.shift() as number;
      queued.delete(node);
      for (const index of out[node] ?? []) {
        const arc = arcs[index] as (typeof arcs)[number];
        const d = (distance[node] as number) + arc.cost;
        if (arc.cap > 0 && d < (distance[arc.to] as number)) {
          distance[arc.to] = d;
          via[arc.to] = index;
          if (!queued.has(arc.to)) {
            queued.add(arc.to);
            queue.push(arc.to);
          }
        }
      }
    }
    if (!((distance[sink] as number) < 0)) return total;
    total -= distance[sink] as number;
    for (let node = sink; node !== source;) {
      const index = via[node] as number;
      (arcs[index] as { cap: number }).cap -= 1;
      (arcs[index ^ 1] as { cap: number }).cap += 1;
      node = (arcs[index] as { from: number }).from;
    }
  }
}
