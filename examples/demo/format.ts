/** Small text helpers the demo's sections share. */
export const heading = (text: string): void => console.log(`\n${text}\n${"─".repeat(text.length)}`);
export const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
export const list = (items: readonly string[]): string => (items.length === 0 ? "—" : items.join(", "));
export const money = (amount: { currency: string; minorUnits: number }): string =>
  `${(amount.minorUnits / 100).toFixed(0)} ${amount.currency}`;

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
