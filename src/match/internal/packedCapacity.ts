import type { Capacity } from "../../model/clinician.js";
import { type ClinicianCodes, valueAt } from "./clinicianCodes.js";

/** The fields of a capacity in the order the pool's `capacity` list holds them. */
const FIELDS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;
type CapacityField = (typeof FIELDS)[number];
const PLACE = Object.fromEntries(FIELDS.map((field, place) => [field, place])) as Readonly<Record<CapacityField, number>>;

/** A capacity as the pool's `capacity` list holds it: its five numbers in {@link FIELDS} order, −1 for a wait not given (the schema's numbers are never negative). */
export const packCapacity = (capacity: Capacity): number[] => FIELDS.map((field) => capacity[field] ?? -1);

/** One number of the capacity of the clinician at `index`: undefined for a wait not given. */
export function capacityIn(codes: ClinicianCodes, index: number, field: CapacityField): number | undefined {
  const value = valueAt(codes, index, "capacity", PLACE[field]) as number;
  return value < 0 ? undefined : value;
}

/** How many new clients the clinician at `index` can take: none when not accepting, else the room left in the caseload or in the week, whichever is less (never below 0). */
export function roomFor(codes: ClinicianCodes, index: number, accepting: boolean): number {
  if (!accepting) return 0;
  const left = (limit: CapacityField, used: CapacityField) =>
    (capacityIn(codes, index, limit) as number) - (capacityIn(codes, index, used) as number);
  return Math.max(0, Math.min(left("caseloadMax", "caseloadCurrent"), left("weeklyNewClientLimit", "newClientsThisWeek")));
}

/** Whether the clinician at `index` has room for a new client: accepting, with room in the caseload and in the week. */
export const hasRoom = (codes: ClinicianCodes, index: number, accepting: boolean): boolean => roomFor(codes, index, accepting) > 0;
