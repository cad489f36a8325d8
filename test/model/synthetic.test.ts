import { describe, expect, it } from "vitest";
import { Client, Directory, Referrer, validate } from "referwell";
import { syntheticClients, syntheticDirectory, syntheticReferrers } from "../arbitraries/synthetic.js";

describe("synthetic data", () => {
  it("a 10,000-clinician directory is valid and parses to itself", () => {
    const directory = syntheticDirectory({ seed: 1, clinicians: 10_000 });
    expect(directory.clinicians).toHaveLength(10_000);
    expect(validate(Directory, directory, "directory")).toStrictEqual(directory);
  });

  it("is deterministic per seed, and the seed matters", () => {
    const a = JSON.stringify(syntheticDirectory({ seed: 42, clinicians: 200 }));
    expect(JSON.stringify(syntheticDirectory({ seed: 42, clinicians: 200 }))).toBe(a);
    expect(JSON.stringify(syntheticDirectory({ seed: 43, clinicians: 200 }))).not.toBe(a);
  });

  it("clients and referrers are valid too", () => {
    for (const client of syntheticClients({ seed: 3, count: 500 })) expect(validate(Client, client, "client")).toStrictEqual(client);
    for (const referrer of syntheticReferrers({ seed: 3, count: 200 }))
      expect(validate(Referrer, referrer, "referrer")).toStrictEqual(referrer);
  });
});
