/** Changes every object and array in `value` that is not frozen, as careless host code might. */
export function vandalize(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  for (const item of Object.values(value)) vandalize(item);
  if (Array.isArray(value)) value.splice(0, value.length, "changed");
  else for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = "changed";
}
