/** A binary heap of nodes keyed by distance, smallest first; ties by node, so runs are reproducible. Stale entries are skipped by the caller. */
export class NodeHeap {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;
  clear(): void {
    this.size = 0;
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      [this.keys, this.nodes] = [keys, nodes];
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, node, parent)) break;
      this.keys[i] = this.keys[parent] as number;
      this.nodes[i] = this.nodes[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  /** Removes the smallest; its key and node are `topKey` and `topNode` before the call. */
  pop(): void {
    const last = --this.size;
    const key = this.keys[last] as number;
    const node = this.nodes[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.before(this.keys[child + 1] as number, this.nodes[child + 1] as number, child)) child += 1;
      if (!this.before(this.keys[child] as number, this.nodes[child] as number, -1, key, node)) break;
      this.keys[i] = this.keys[child] as number;
      this.nodes[i] = this.nodes[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  get topKey(): number {
    return this.keys[0] as number;
  }
  get topNode(): number {
    return this.nodes[0] as number;
  }
  /** Whether (key, node) comes before the entry at `index`, or before (otherKey, otherNode) when index is -1. */
  private before(key: number, node: number, index: number, otherKey = 0, otherNode = 0): boolean {
    const k = index < 0 ? otherKey : (this.keys[index] as number);
    const n = index < 0 ? otherNode : (this.nodes[index] as number);
    return key < k || (key === k && node < n);
  }
}
