declare module "munkres-js" {
  /** Hungarian algorithm: the [row, column] pairs of a minimum-cost assignment. */
  const munkres: (matrix: number[][]) => [number, number][];
  export default munkres;
}
