import { NodeHeap } from "./nodeHeap.js";

/** One possible placement: row `row` to column `column`, worth `value` (a positive integer). */
export interface WeightedEdge {
  readonly row: number;
  readonly column: number;
  readonly value: number;
}

/** The problem and the assignment so far; nodes are the rows, then the columns, then the sink. */
interface Solver {
  readonly rows: number;
  readonly capacities: readonly number[];
  readonly sink: number;
  /** Each row's edges (columns and costs, the negated values) in CSR arrays. */
  readonly start: Int32Array;
  readonly edgeColumn: Int32Array;
  readonly edgeCost: Float64Array;
  readonly placedIn: Int32Array;
  readonly placedCost: Float64Array;
  readonly members: number[][];
  readonly potential: Float64Array;
  readonly distance: Float64Array;
  readonly via: Int32Array;
  /** The search that last reached or settled a node, so arrays are not cleared per search. */
  readonly seen: Int32Array;
  readonly settled: Int32Array;
  readonly touched: number[];
  readonly heap: NodeHeap;
}

/**
 * Exact maximum-weight assignment of rows to columns, each row at most once
 * and each column at most its capacity. Rows are added one at a time, each
 * by the shortest augmenting path from it, where a path may end at a column
 * with a free place or leave a row unplaced at no cost: the successive
 * shortest path method for min-cost flow (Ahuja, Magnanti and Orlin, Network
 * Flows, 1993, ch. 9), Dijkstra on reduced costs with potentials. A search
 * reads only eligible edges and stops as soon as the path's end is settled,
 * so adding a row costs what its neighbourhood costs, not the whole graph.
 * Values are integers, so the optimum is exact; ties go by node number, so
 * runs are reproducible. Returns the column of each row, or -1.
 */
export function maxWeightAssignment(rows: number, capacities: readonly number[], edges: readonly WeightedEdge[]): number[] {
  const solver = createSolver(rows, capacities, edges);
  for (let row = 0; row < rows; row += 1) {
    enterRow(solver, row);
    if (search(solver, row)) augment(solver, row);
  }
  return Array.from(solver.placedIn);
}

function createSolver(rows: number, capacities: readonly number[], edges: readonly WeightedEdge[]): Solver {
  const sink = rows + capacities.length;
  const start = new Int32Array(rows + 1);
  for (const edge of edges) start[edge.row + 1] = (start[edge.row + 1] as number) + 1;
  for (let row = 0; row < rows; row += 1) start[row + 1] = (start[row + 1] as number) + (start[row] as number);
  const edgeColumn = new Int32Array(edges.length);
  const edgeCost = new Float64Array(edges.length);
  const next = start.slice(0, rows);
  for (const edge of [...edges].sort((a, b) => a.row - b.row || a.column - b.column)) {
    const at = next[edge.row] as number;
    next[edge.row] = at + 1;
    edgeColumn[at] = edge.column;
    edgeCost[at] = -edge.value;
  }
  return {
    rows,
    capacities,
    sink,
    start,
    edgeColumn,
    edgeCost,
    placedIn: new Int32Array(rows).fill(-1),
    placedCost: new Float64Array(rows),
    members: Array.from({ length: capacities.length }, () => []),
    potential: new Float64Array(sink + 1),
    distance: new Float64Array(sink + 1),
    via: new Int32Array(sink + 1),
    seen: new Int32Array(sink + 1).fill(-1),
    settled: new Int32Array(sink + 1).fill(-1),
    touched: [],
    heap: new NodeHeap(),
  };
}

/** A new row has no residual edge in; a potential this high keeps every edge out of it non-negative. */
function enterRow(solver: Solver, row: number): void {
  const { potential, start, edgeColumn, edgeCost, rows, sink } = solver;
  let high = potential[sink] as number;
  for (let e = start[row] as number; e < (start[row + 1] as number); e += 1)
    high = Math.max(high, (potential[rows + (edgeColumn[e] as number)] as number) - (edgeCost[e] as number));
  potential[row] = high;
}

/** Offers a node a distance in the search from `row`, by the node `from`. */
function reach(solver: Solver, row: number, node: number, d: number, from: number): void {
  const { seen, distance } = solver;
  if (solver.settled[node] === row || (seen[node] === row && d >= (distance[node] as number))) return;
  if (seen[node] !== row) solver.touched.push(node);
  seen[node] = row;
  distance[node] = d;
  solver.via[node] = from;
  solver.heap.push(d, node);
}

/** Dijkstra from a new row until the sink is settled; then moves the potentials. Whether the sink was reached. */
function search(solver: Solver, row: number): boolean {
  const { heap, distance, settled, potential, sink } = solver;
  solver.touched.length = 0;
  heap.clear();
  reach(solver, row, row, 0, -1);
  while (heap.size > 0) {
    const d = heap.topKey;
    const node = heap.topNode;
    heap.pop();
    if (settled[node] === row || d > (distance[node] as number)) continue;
    settled[node] = row;
    if (node === sink) {
      // By min(distance, distance to the sink): every residual edge stays non-negative, and nodes not settled do not move.
      for (const touched of solver.touched) {
        const at = distance[touched] as number;
        if (settled[touched] === row && at < d) potential[touched] = (potential[touched] as number) + at - d;
      }
      return true;
    }
    if (node < solver.rows) expandRow(solver, row, node, d);
    else expandColumn(solver, row, node, d);
  }
  return false;
}

/** From a row: to each eligible column but its own, or out of the assignment at no cost. */
function expandRow(solver: Solver, row: number, node: number, d: number): void {
  const { start, edgeColumn, edgeCost, potential, rows, sink } = solver;
  const p = potential[node] as number;
  for (let e = start[node] as number; e < (start[node + 1] as number); e += 1) {
    const column = edgeColumn[e] as number;
    if (column !== solver.placedIn[node])
      reach(solver, row, rows + column, d + (edgeCost[e] as number) + p - (potential[rows + column] as number), node);
  }
  reach(solver, row, sink, d + p - (potential[sink] as number), node);
}

/** From a column: to the sink if it has a free place, and back to each row placed in it. */
function expandColumn(solver: Solver, row: number, node: number, d: number): void {
  const { potential, sink } = solver;
  const p = potential[node] as number;
  const column = node - solver.rows;
  const list = solver.members[column] as number[];
  if (list.length < (solver.capacities[column] as number)) reach(solver, row, sink, d + p - (potential[sink] as number), node);
  for (const member of list)
    reach(solver, row, member, d - (solver.placedCost[member] as number) + p - (potential[member] as number), node);
}

/** Walks the path back from the sink: each row on it moves to the column after it, and a row the path ends at leaves the assignment. */
function augment(solver: Solver, row: number): void {
  const { via, rows, sink } = solver;
  const last = via[sink] as number;
  let node = last;
  let column = -1;
  if (last < rows) unplace(solver, last);
  else [column, node] = [last - rows, via[last] as number];
  while (node >= 0) {
    if (column >= 0) place(solver, node, column);
    if (node === row) return;
    const before = via[node] as number;
    [column, node] = [before - rows, via[before] as number];
  }
}

function unplace(solver: Solver, row: number): void {
  const column = solver.placedIn[row] as number;
  if (column < 0) return;
  const list = solver.members[column] as number[];
  list.splice(list.indexOf(row), 1);
  solver.placedIn[row] = -1;
}

function place(solver: Solver, row: number, column: number): void {
  unplace(solver, row);
  solver.placedIn[row] = column;
  (solver.members[column] as number[]).push(row);
  for (let e = solver.start[row] as number; e < (solver.start[row + 1] as number); e += 1)
    if (solver.edgeColumn[e] === column) solver.placedCost[row] = solver.edgeCost[e] as number;
}
