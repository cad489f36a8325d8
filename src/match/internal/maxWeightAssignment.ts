/** One possible placement: row `row` to column `column`, worth `value` (a positive integer). */
export interface WeightedEdge {
  readonly row: number;
  readonly column: number;
  readonly value: number;
}

/** A binary heap of [distance, node], smallest first; ties by node, so runs are reproducible. */
class MinHeap {
  private readonly items: [number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: [number, number]): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!MinHeap.less(items[i] as [number, number], items[parent] as [number, number])) break;
      [items[i], items[parent]] = [items[parent] as [number, number], items[i] as [number, number]];
      i = parent;
    }
  }
  pop(): [number, number] {
    const items = this.items;
    const top = items[0] as [number, number];
    const last = items.pop() as [number, number];
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && MinHeap.less(items[left] as [number, number], items[smallest] as [number, number])) smallest = left;
        if (right < items.length && MinHeap.less(items[right] as [number, number], items[smallest] as [number, number])) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest] as [number, number], items[i] as [number, number]];
        i = smallest;
      }
    }
    return top;
  }
  private static less(a: [number, number], b: [number, number]): boolean {
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
}

/**
 * Exact maximum-weight assignment of rows to columns, each row at most once
 * and each column at most its capacity, by min-cost flow with successive
 * shortest paths (Dijkstra on reduced costs with Johnson potentials; see
 * Ahuja, Magnanti and Orlin, Network Flows, 1993, ch. 9). Values are
 * integers, so the optimum is exact; it stops when no augmenting path adds
 * value. Returns the column of each row, or -1.
 */
export function maxWeightAssignment(rows: number, capacities: readonly number[], edges: readonly WeightedEdge[]): number[] {
  const columns = capacities.length;
  const source = rows + columns;
  const sink = source + 1;
  const nodes = sink + 1;
  // Edge arrays: to, capacity, cost; edge e and e ^ 1 are a pair.
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  const addEdge = (from: number, target: number, capacity: number, edgeCost: number): void => {
    adjacency[from]?.push(to.length);
    to.push(target);
    cap.push(capacity);
    cost.push(edgeCost);
    adjacency[target]?.push(to.length);
    to.push(from);
    cap.push(0);
    cost.push(-edgeCost);
  };
  for (let row = 0; row < rows; row += 1) addEdge(source, row, 1, 0);
  const sorted = [...edges].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const edge of sorted) addEdge(edge.row, rows + edge.column, 1, -edge.value);
  capacities.forEach((capacity, column) => {
    if (capacity > 0) addEdge(rows + column, sink, capacity, 0);
  });

  // Initial potentials: shortest distances in the acyclic graph source → rows → columns → sink.
  const INF = Number.POSITIVE_INFINITY;
  const potential = new Array<number>(nodes).fill(INF);
  potential[source] = 0;
  for (let row = 0; row < rows; row += 1) potential[row] = 0;
  for (const edge of sorted) {
    const column = rows + edge.column;
    potential[column] = Math.min(potential[column] as number, -edge.value);
  }
  capacities.forEach((capacity, column) => {
    if (capacity > 0) potential[sink] = Math.min(potential[sink] as number, potential[rows + column] as number);
  });
  for (let node = 0; node < nodes; node += 1) if (potential[node] === INF) potential[node] = 0;

  const distance = new Array<number>(nodes);
  const via = new Array<number>(nodes);
  for (let augment = 0; augment < rows; augment += 1) {
    distance.fill(INF);
    via.fill(-1);
    distance[source] = 0;
    const heap = new MinHeap();
    heap.push([0, source]);
    while (heap.size > 0) {
      const [d, node] = heap.pop();
      if (d > (distance[node] as number)) continue;
      for (const e of adjacency[node] as number[]) {
        if ((cap[e] as number) <= 0) continue;
        const next = to[e] as number;
        const reduced = (cost[e] as number) + (potential[node] as number) - (potential[next] as number);
        const candidate = d + reduced;
        if (candidate < (distance[next] as number)) {
          distance[next] = candidate;
          via[next] = e;
          heap.push([candidate, next]);
        }
      }
    }
    if (distance[sink] === INF) break;
    // The path's real cost; stop once another placement would not add value.
    const pathCost = (distance[sink] as number) + (potential[sink] as number) - (potential[source] as number);
    if (pathCost >= 0) break;
    for (let node = 0; node < nodes; node += 1)
      if (distance[node] !== INF) potential[node] = (potential[node] as number) + (distance[node] as number);
    for (let node = sink; node !== source;) {
      const e = via[node] as number;
      cap[e] = (cap[e] as number) - 1;
      cap[e ^ 1] = (cap[e ^ 1] as number) + 1;
      node = to[e ^ 1] as number;
    }
  }

  const assigned = new Array<number>(rows).fill(-1);
  for (let row = 0; row < rows; row += 1) {
    for (const e of adjacency[row] as number[]) {
      const target = to[e] as number;
      if (target >= rows && target < rows + columns && (cost[e] as number) <= 0 && (cap[e] as number) === 0 && e % 2 === 0)
        assigned[row] = target - rows;
    }
  }
  return assigned;
}
