import type { Capacity } from "../../model/clinician.js";
import { type ClinicianCodes, valueAt } from "./clinicianCodes.js";

/** The fields of a capacity in the order the pool's `capacity` list holds them. */
const FIELDS = ["caseloadMax", "caseloadCurrent", "weeklyNewClientLimit", "newClientsThisWeek", "expectedWaitDays"] as const;

/** A capacity as the pool's `capacity` list holds it: its five numbers in {@link FIELDS} order, −1 for a wait not given (the schema's numbers are never negative). */
export const packCapacity = (capacity: Capacity): number[] => FIELDS.map((field) => capacity[field] ?? -1);

/** One number of the capacity of the clinician at `index`: undefined for a wait not given. */
export function capacityIn(codes: ClinicianCodes, index: number, field: (typeof FIELDS)[number]): number | undefined {
  const value = valueAt(codes, index, "capacity", FIELDS.indexOf(field)) as number;
  return value < 0 ? undefined : value;
}

/** Whether the clinician at `index` has room for a new client: accepting, with room in the caseload and in the week. */
export function hasRoom(codes: ClinicianCodes, index: number, accepting: boolean): boolean {
  return (
    accepting &&
    (valueAt(codes, index, "capacity", 1) as number) < (valueAt(codes, index, "capacity", 0) as number) &&
    (valueAt(codes, index, "capacity", 3) as number) < (valueAt(codes, index, "capacity", 2) as number)
  );
}
