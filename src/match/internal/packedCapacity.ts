import type { Capacity } from "../../model/clinician.js";
import { addValue, type ClinicianCodes, endList, valueAt } from "./clinicianCodes.js";

/** The fields of a capacity in the order the pool's `capacity` list holds them. */
const FIELDS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;
type CapacityField = (typeof FIELDS)[number];
/** How many numbers a capacity takes in the pool. */
export const CAPACITY_NUMBERS: number = FIELDS.length;
const PLACE = Object.fromEntries(FIELDS.map((field, place) => [field, place])) as Readonly<Record<CapacityField, number>>;

/** Writes a capacity as the pool's `capacity` list holds it, and ends the list: its five numbers in {@link FIELDS} order, −1 for a wait not given (the schema's numbers are never negative). */
export function writeCapacity(codes: ClinicianCodes, capacity: Capacity): void {
  for (let at = 0; at < FIELDS.length; at += 1) addValue(codes, capacity[FIELDS[at] as CapacityField] ?? -1);
  endList(codes, "capacity");
}

/** One number of the capacity of the clinician at `index`: undefined for a wait not given. */
export function capacityIn(codes: ClinicianCodes, index: number, field: CapacityField): number | undefined {
  const value = valueAt(codes, index, "capacity", PLACE[field]) as number;
  return value < 0 ? undefined : value;
}

/** How many new clients the clinician at `index` can take: none when not accepting, else the room left in the caseload or in the week, whichever is less (never below 0). */
export function roomFor(codes: ClinicianCodes, index: number, accepting: boolean): number {
  if (!accepting) return 0;
  // Read field by field, with no closure: every clinician compiled and every candidate ranked asks.
  const caseload = (capacityIn(codes, index, "caseloadMax") as number) - (capacityIn(codes, index, "caseloadCurrent") as number);
  const week = (capacityIn(codes, index, "weeklyNewClientLimit") as number) - (capacityIn(codes, index, "newClientsThisWeek") as number);
  return Math.max(0, Math.min(caseload, week));
}

/** Whether the clinician at `index` has room for a new client: accepting, with room in the caseload and in the week. */
export const hasRoom = (codes: ClinicianCodes, index: number, accepting: boolean): boolean => roomFor(codes, index, accepting) > 0;
