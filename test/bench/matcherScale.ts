// The matcher at directory scale: compile time, memory per clinician and rank latency, against a
// typed-array floor in the same run. Run with `npm run bench:scale -- 10000 100000 1000000`
// (sizes optional). Prints a table; asserts nothing, since the figures depend on the machine.
import { calendarDateOf, Clinician, criteriaFromClient, Directory, validate } from "referwell";
import * as z from "zod";
import { createMatcher, type MatchRequestInput } from "referwell/match";
import { syntheticClients, syntheticDirectory } from "../arbitraries/synthetic.js";

const NOW = "2026-11-23T09:00:00Z";
const Clinicians = z.array(Clinician);
// The mean Earth radius the matcher's haversine distance uses (src/match/internal/haversineKm.ts), for the floor's own on flat arrays.
const EARTH_RADIUS_KM = 6371.0088;
const sizes = process.argv.slice(2).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("Run with node --expose-gc (npm run bench:scale does).");
/** The heap and the typed arrays' backing stores (which the heap does not count), after collecting garbage. */
const memoryInUse = (): number => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Times each call, twice over the requests after a warm-up; gives the sorted durations in ms. */
function timed(requests: readonly MatchRequestInput[], call: (request: MatchRequestInput) => unknown): number[] {
  for (const request of requests.slice(0, 20)) call(request);
  const times: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    for (const request of requests) {
      const start = performance.now();
      call(request);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

/**
 * The floor: one pass over flat typed arrays, checking what an index can answer (open to new clients,
 * required populations and problem areas, a payer's panel or a fee within reach, telehealth licensed
 * where the client is or an office within the radius), without dates, plans, compact rules or scoring.
 * Less work than the hard constraints need, so a lower bound on any scan that checks them all.
 */
function typedArrayFloor(directory: Directory): (request: MatchRequestInput) => number {
  const n = directory.clinicians.length;
  const open = new Uint8Array(n);
  const telehealth = new Uint8Array(n);
  const fee = new Float64Array(n).fill(Infinity);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const bits = new Map<string, Uint8Array>();
  const mark = (key: string, index: number) => {
    let column = bits.get(key);
    if (column === undefined) bits.set(key, (column = new Uint8Array(n)));
    column[index] = 1;
  };
  const members = new Map(directory.compacts.map((compact) => [compact.id, compact.members]));
  directory.clinicians.forEach((clinician, i) => {
    const { capacity } = clinician;
    open[i] =
      clinician.acceptingNewClients &&
      capacity.caseloadCurrent < capacity.caseloadMax &&
      capacity.newClientsThisWeek < capacity.weeklyNewClientLimit
        ? 1
        : 0;
    telehealth[i] = clinician.telehealth ? 1 : 0;
    if (clinician.fee !== undefined) fee[i] = clinician.fee.minorUnits;
    const office = clinician.locations[0];
    if (office !== undefined) [lat[i], lon[i]] = [office.point.lat, office.point.lon];
    for (const code of clinician.populations) mark(`population ${code}`, i);
    if (clinician.populations.includes("adults")) mark("population older-adults", i);
    for (const code of clinician.problemAreas) mark(`problem ${code}`, i);
    for (const panel of clinician.insurancePanels) mark(`payer ${panel.payerId}`, i);
    for (const licence of clinician.licensure.licenses) mark(`reach ${licence.jurisdiction}`, i);
    for (const privilege of clinician.licensure.compacts)
      for (const member of members.get(privilege.compactId) ?? []) mark(`reach ${member}`, i);
  });
  const none = new Uint8Array(n);
  return (request) => {
    const { criteria } = request as { criteria: import("referwell").MatchCriteria };
    const { require: wanted, location } = criteria;
    const required = [
      ...wanted.populations.map((code) => `population ${code}`),
      ...wanted.problemAreas.map((code) => `problem ${code}`),
    ].map((key) => bits.get(key) ?? none);
    const payers = (wanted.payment?.payers ?? []).map((payer) => bits.get(`payer ${payer.payerId}`) ?? none);
    const maxFee = wanted.payment?.maxSelfPay?.minorUnits ?? -1;
    const anyPayment = wanted.payment === undefined;
    const reach = bits.get(`reach ${location.jurisdiction}`) ?? none;
    const point = location.point;
    const radius = wanted.travelRadiusKm ?? 0;
    const toRad = Math.PI / 180;
    let passed = 0;
    next: for (let i = 0; i < n; i += 1) {
      if (open[i] !== 1) continue;
      for (const column of required) if (column[i] !== 1) continue next;
      let pays = anyPayment || (fee[i] as number) <= maxFee;
      for (let p = 0; !pays && p < payers.length; p += 1) pays = (payers[p] as Uint8Array)[i] === 1;
      if (!pays) continue;
      if (telehealth[i] === 1 && reach[i] === 1) {
        passed += 1;
        continue;
      }
      if (point === undefined || Number.isNaN(lat[i])) continue;
      const dLat = ((lat[i] as number) - point.lat) * toRad;
      const dLon = ((lon[i] as number) - point.lon) * toRad;
      const h = Math.sin(dLat / 2) ** 2 + Math.cos(point.lat * toRad) * Math.cos((lat[i] as number) * toRad) * Math.sin(dLon / 2) ** 2;
      if (2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) <= radius) passed += 1;
    }
    return passed;
  };
}

// A small directory first, so the first size measured does not pay for warming up the code.
createMatcher(syntheticDirectory({ seed: 9, clinicians: 2_000 })).rank(
  { criteria: criteriaFromClient(syntheticClients({ seed: 9, count: 1 })[0] as never, { startDate: calendarDateOf(NOW) }) },
  { now: NOW },
);
validate(Directory, syntheticDirectory({ seed: 9, clinicians: 2_000 }), "directory");

const rows: string[] = [];
/** The floor over a directory; the validated copy goes when this returns. */
const floorOf = (directory: Directory) => typedArrayFloor(validate(Directory, directory, "directory"));

/**
 * How long validating the clinicians takes the way `createMatcher` does it (its practices, payers and
 * references are left in the compiling): 64 at a time, each
 * chunk's copy let go before the next (src/model/internal/directoryInSteps.ts). Validating the
 * whole directory at once keeps every copy alive, and collecting around them takes longer.
 */
function chunkedValidationMs(directory: Directory): number {
  const start = performance.now();
  for (let from = 0; from < directory.clinicians.length; from += 64) {
    validate(Clinicians, directory.clinicians.slice(from, from + 64), "directory");
  }
  return performance.now() - start;
}

/** The collector's pauses of the main thread (Node's `gc` performance entries), as they are reported. */
const collections: { readonly start: number; readonly end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ["gc"] });

/**
 * How long the collector paused the main thread between two instants. The
 * entries come a little later, in order: once one has started past `to`
 * (a collection `memoryInUse` asks for), all before it are here.
 */
async function collectingMs(from: number, to: number): Promise<number> {
  for (let turn = 0; turn < 500 && !collections.some(({ start }) => start >= to); turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  let total = 0;
  for (const { start, end } of collections) if (start >= from && start < to) total += Math.min(end, to) - start;
  collections.length = 0;
  return total;
}

/** A seeded directory of `size` and its matcher; the directory itself goes when this returns, as a host would let it go. */
async function compile(size: number) {
  const directory = syntheticDirectory({ seed: 1, clinicians: size });
  const scan = floorOf(directory);
  // Collected first, as before createMatcher below: the floor's validated copy is garbage by now.
  memoryInUse();
  const validateMs = chunkedValidationMs(directory);
  // Collected before and after, the directory alive in both: what stays is the matcher.
  const before = memoryInUse();
  const start = performance.now();
  const matcher = createMatcher(directory);
  const end = performance.now();
  const bytes = (memoryInUse() - before) / size;
  return { matcher, scan, validateMs, compileMs: end - start, collectMs: await collectingMs(start, end), bytes };
}

for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const { matcher, scan, validateMs, compileMs, collectMs, bytes } = await compile(size);
  memoryInUse();
  const requests = syntheticClients({ seed: 2, count: 200 }).map((client): MatchRequestInput => ({
    criteria: criteriaFromClient(client, { startDate: calendarDateOf(NOW) }),
  }));
  const rank = timed(requests, (request) => matcher.rank(request, { now: NOW }));
  const floor = timed(requests, scan);
  const row = [
    size.toLocaleString("en"),
    `${(compileMs / 1000).toFixed(2)} s`,
    `${(validateMs / 1000).toFixed(2)} s`,
    `${(((compileMs - validateMs) * 1000) / size).toFixed(2)} µs`,
    `${(collectMs / 1000).toFixed(2)} s`,
    `${Math.round(bytes).toLocaleString("en")} B`,
    `${quantile(rank, 0.5).toFixed(2)} / ${quantile(rank, 0.99).toFixed(2)} ms`,
    `${quantile(floor, 0.5).toFixed(2)} / ${quantile(floor, 0.99).toFixed(2)} ms`,
    `${(quantile(rank, 0.5) / quantile(floor, 0.5)).toFixed(1)}×`,
  ];
  rows.push(`| ${row.join(" | ")} |`);
  console.log(rows.at(-1));
}
console.log(
  [
    "",
    "| clinicians | createMatcher | clinician validation, in chunks | compiling beyond validation, per clinician | createMatcher's collector pauses | matcher memory per clinician (heap and typed arrays) | rank p50 / p99 | typed-array floor p50 / p99 | rank / floor (p50) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n"),
);
