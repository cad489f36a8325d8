// What an app pays for referwell. Each case is a one-line app that imports from
// the built package (`dist/`, through its `import` condition, as an app would),
// bundled for the browser and minified by esbuild, and by Rollup (the bundler
// Vite builds with) with terser, then gzipped. Measured twice: with zod, the
// real cost when the app has no other use for it, and without zod (a peer the
// app may already ship), referwell's own share. @date-fns/tz is always counted.
// Run `npm run build` first.
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { rollup } from "rollup";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const built = (subpath) => `${root}${pkg.exports[subpath].import.default.slice(2)}`;

// Each bundle with zod runs once too, so a bundler that dropped too much fails here.
const rejects = (call) => {
  try {
    call();
  } catch (error) {
    if (error?.code === "invalid-input") return;
    throw error;
  }
  throw new Error("accepted an invalid input");
};
const matches = (app) => {
  if (typeof app.createMatcher({ clinicians: [] }).rank !== "function") throw new Error("no matcher");
  rejects(() => app.createMatcher({ clinicians: [{}] }));
};
const composes = (app) => rejects(() => app.composeUpdate({ kind: "progress" }));
const readsFhir = (app) => rejects(() => app.clinicianFromFhir({ resourceType: "Practitioner" }, []));

const APPS = [
  {
    name: "createMatcher",
    from: "referwell/match",
    code: `export { createMatcher } from ${JSON.stringify(built("./match"))};`,
    smoke: matches,
  },
  {
    name: "composeUpdate",
    from: "referwell/consent",
    code: `export { composeUpdate } from ${JSON.stringify(built("./consent"))};`,
    smoke: composes,
  },
  {
    name: "fhir",
    from: "referwell/fhir",
    code: `export * from ${JSON.stringify(built("./fhir"))};`,
    smoke: readsFhir,
  },
  {
    name: "everything",
    from: "referwell",
    code: `export * from ${JSON.stringify(built("."))};`,
    smoke: (app) => [matches, composes].forEach((smoke) => smoke(app)),
  },
];

// Budgets in gzipped bytes (1 kB = 1000 B), per app, bundler and zod; over budget fails the run.
const KB = 1000;
const BUDGETS = {
  // The library's own share grew with the error texts (what each field expects), the unknown-tag report, and the
  // completion of criteria built from validated parts from their schema (instead of a second parse), then by round 2
  // of matching: compact rules and the licensure index, client preferences and stays, the veto, span and wait caps,
  // and the practice's partner preference, then by the client's stays and stated preferences.
  // Then by the compiled reader of validate (about 2.6 kB), then by updating a matcher in place (about 0.7 kB).
  // Then by date arithmetic on day numbers (about 0.5 kB: dates read and written without Date, five times faster) and
  // criteria completed from the client's draft with the findings' changes, without copying either first.
  // Then by the compact layout (about 1.6 kB, as without zod), then by validating and compiling a chunk at a time
  // (about 0.9 kB, as without zod), then by packing panels, capacity and fees (about 0.7 kB, as without zod), then by
  // sizing the pool from the first clinicians compiled and writing outcome notes only when explained (about 0.2 kB),
  // then by each part of the soft fit given as a fit and a reason apart (about 0.1 kB, as without zod), then by
  // compiling with less garbage per clinician (about 0.2 kB, as without zod), then by placed weeks remembered per
  // matcher in two generations (about 60 B), then by writing each clinician's lists straight into the pool and
  // validated copies built with room for every field (about 0.65 kB, as without zod), then by ranking with less
  // garbage per request and zod's check payloads lent again (about 0.45 kB, as without zod), then by each spelling of
  // a tag read once per matcher (about 90 B, as without zod), then by the clinicians' ids kept in a table of the
  // library's own and offices kept as one small object each (about 1.05 kB, as without zod), then by the count of
  // clinicians with unknown tags, so that reading them costs nothing when there are none (about 35 B), then by the
  // layout's limits checked (about 0.3 kB, as without zod): a directory or an update past what the pool or the table of
  // codes holds is refused with a typed error, not the engine's RangeError or a half-made change. Then by the hard
  // constraints checked without building answers they do not return (about 0.2 kB, as without zod): licensure asked
  // whether, fees compared where the pool holds them, a query's days and payers' numbers found once. Then by data that
  // contradicts itself read the cautious way (about 0.15 kB, as without zod): regulations that disagree merged once for
  // the check, the index and the rows, an area's worst counted outcome rating, a compact's days summed across its
  // privileges, and the directory's limits written once.
  "createMatcher with zod": 62.0 * KB,
  // Without zod it grew again by the shared error module's expected texts for FHIR input (about 80 B), which live
  // there so that InvalidInputError accepts them; the matcher imports no FHIR code; then by the practice's partner
  // preference (practice sizes, busy in a specialty: about 0.35 kB), then by where the client will be (stays, and the
  // stretches planned moves lead to) and their stated preferences in the client record (about 0.35 kB).
  // Then by ranking the candidates a database returned (`rankCandidates`, its hand-made check of ids and rows, and
  // the expected texts of the SQL layout: about 0.3 kB).
  // Then by the compiled reader validate reads well-formed input with (about 2.5 kB: generated code per schema node,
  // with zod's result and half its time or less), shared by every app.
  // Then by `Matcher.update` (about 0.7 kB: the changes' schema, and indexing and unindexing one clinician).
  // Then by the compact layout of a compiled directory (about 1.6 kB): one pool of numbers for every clinician's codes,
  // outcome ratings and weekly slots, index sets that turn into bitsets, and the unknown tags found while compiling.
  // Then by keeping updates bounded (about 0.2 kB): codes no clinician holds are forgotten, and a bitset made for a small
  // directory turns back into a set. Then by validating and compiling a chunk at a time (about 0.9 kB): the directory's
  // steps of validation, which createMatcher and createMatcherAsync now share, so that a validated clinician goes as
  // soon as it is compiled; the matcher still compiles a directory validated whole in id order when its input must be
  // read as validation reads it. Then by packing each clinician's insurance panels, capacity and fees into the pool and
  // keeping the rest in one object (about 0.7 kB: the packing, and network cover read from packed panels), so a
  // compiled clinician takes under 750 bytes where it took about 1.25 kB. Then by a pool sized from what the first
  // clinicians compiled hold (copied about once while compiling, not at each quarter it grows by), the pool's lists
  // written by kind name, and outcome notes written only when a part is explained (about 0.25 kB together). Then by
  // each part of the soft fit given as a fit, a number read for every eligible clinician, and a reason written only
  // for the options returned (about 0.1 kB): at a million clinicians it took the p99 of ranking from 171–212 ms to
  // 112–120 ms. Then by compiling with less garbage per clinician (about 0.3 kB: tags already normal kept as they are,
  // short lists sorted by insertion where the pool holds them, and fewer lists, sets and closures made per clinician):
  // compiling a million clinicians went from about 33 to 26 seconds. Then by placed weeks remembered per matcher in two
  // generations (about 60 B), so a matcher dropped takes its weeks with it and a request with thousands of eligible
  // clinicians no longer empties the memory of the others at once. Then by writing each clinician's lists straight
  // into the pool, list by list, with no list built to be copied, an allocation-free look for unknown tags, and the
  // validated copy built by a constructor with room for every field (about 0.6 kB): what compiling allocates per
  // clinician went from about 6 to about 2.7 kB, and a million clinicians compile in about a fifth less time.
  // Then by ranking with less garbage per request (about 0.45 kB): weeks placed as flat pairs merged from sorted
  // starts and ends, only the options shown put in order (a bounded heap), the modes' lists shared, and the places a
  // clinician is indexed under visited without a list; and by the payload zod's checks read lent again once a value
  // has passed them: a request at 100,000 clinicians allocates about 380 kB where it took 710 kB, and the p99 of
  // ranking at a million went from about 99 to 57 ms. Then by each spelling of a tag read against the vocabulary once
  // per matcher and remembered with whether it is known (about 90 B), so unknown tags are found in the same pass:
  // compiling 200,000 clinicians took about 6 % less time. Then by the clinicians' ids kept in a table of the library's
  // own (about 1.05 kB: open addressing on one typed array, hashed by HalfSipHash-2-4 under a key drawn per matcher,
  // with the directory's order kept as links) where a `Map` kept them, and each office kept as one object of its place
  // and jurisdiction where the validated record's list, office and point were kept: a million clinicians compiled in
  // 7–17 % less time in runs alternating old and new code in one process, and a compiled clinician holds about 90 bytes less.
  // Then by the layout's limits checked (about 0.25 kB): the pool's 2³² − 1 numbers and the 2²³ codes a Map numbers,
  // each refused with a typed error, and an update checked against both before anything changes. Then by the hard
  // constraints checked without building answers they do not return (about 0.2 kB): an intake week of 300 referrals
  // × 60 clinicians took about a quarter less time, most of it in counting why referrals no one can take fail.
  // Then by data that contradicts itself read the cautious way (about 0.17 kB): merged regulations, an area's worst
  // counted outcome rating, a compact's days summed across its privileges.
  "createMatcher without zod": 36.0 * KB,
  // The shared model's share grew with the exact time-zone offsets, the instant year cap and the new expected texts;
  // consent's with the regulation's full 2.32(a)(1) notice, canonical identifiers, the uncertain day, supersession,
  // the emergency and treatment rules, and the per-call indexes (category and data period).
  // Then by the compiled reader of validate (about 2.5 kB).
  // Then by date arithmetic on day numbers (about 0.5 kB).
  // Then by prepared consents (about 0.2 kB): recognising a prepared list, and looking up its indexed deny recipients.
  // Then by validated copies built by a constructor with room for every field (about 50 B), which leaves no growing
  // store of properties behind as garbage. Then by the payload zod's checks read, lent again once a value has passed
  // them (about 20 B). Then by the shared error module's texts for a second authorization kind and a repeated event id
  // (about 40 B). Then by deny provisions comparing an identifier by its digits alone where its system keeps only
  // digits, kept beside the letters-and-digits spelling, and identifiers reduced to nothing naming no one (about 0.15 kB).
  // Then by a restriction naming another referrer record binding under the treatment policy, lifts keyed by each id
  // apart, keys of two strings that no character can make alike, and a data period ending on the last day there is
  // (about 90 B). Then by restrictions comparing referrer and client ids in Unicode's canonical composition, and a
  // consent naming the client in another spelling restricting but permitting nothing (about 0.15 kB). Then by
  // restrictions comparing ids that read the same as one (compatibility composition, no invisible characters, no
  // case) unless the host compares them canonically, and the option that says so (about 0.2 kB).
  "composeUpdate without zod": 18.1 * KB,
  // Everything grew by referwell/intake and the issue codes its checks report (shared by every app), then by the
  // intake measures and the waitlist review (about 0.9 kB), by the planner's owner-day and calendar-text rules, and by
  // the matcher's partner preference, by the referral rule's verify-benefits notice (about 0.1 kB), and by the client's
  // stays and stated preferences (about 0.4 kB), then by the relationships' remembered states and event limit and the
  // assignment solver that adds referrals by shortest augmenting paths (about 0.4 kB), then by the network's
  // follow-through on intake's measures (about 0.3 kB), then by the push-down of the matcher's hard constraints to
  // PostgreSQL (about 5.8 kB: the filter and its schema, the SQL writer and its table layout, and the rows).
  // Then by the compiled reader of validate (about 2.5 kB) and referralStatuses, then by `Matcher.update` (about 0.7 kB).
  // Then by date arithmetic on day numbers and the leaner assessment (about 0.9 kB).
  // Then by prepareConsents (about 0.3 kB), by createMatcherAsync (about 0.7 kB: validating, sorting and compiling
  // a directory in slices), and by the sweep that finds the days in network for the referral rules (about 0.5 kB).
  // Then by the lines of relationship states (about 0.8 kB): shared append-only lists, lists read on demand, and
  // stage days settled as stages end, so an event in order costs what it adds.
  // Then by the matcher's compact layout (about 1.6 kB) and payers and regulations validated in slices (about 0.2 kB).
  // Then by validating and compiling a matcher's directory a chunk at a time (about 0.1 kB here: the steps replace the
  // slices, and a sort in slices went). Then by the matcher's packed panels, capacity and fees (about 0.7 kB).
  // Then by folding a relationship event all or nothing (a fold that throws leaves the shared line as it was) and
  // showing a state in console.log and util.inspect as its plain fields (about 0.2 kB together), then by the matcher's
  // pool sized from its first clinicians and its lazily written outcome notes (about 0.2 kB), then by the matcher's
  // compiling with less garbage per clinician (about 0.2 kB), then by its lists written straight into the pool and
  // validated copies built with room for every field (about 0.6 kB), then by its ranking with less garbage per
  // request and the check payloads lent again (about 0.45 kB), then by each spelling of a tag read once per matcher
  // (about 90 B), then by its id table and compiled offices (about 1.1 kB), then by the matcher's count of clinicians
  // with unknown tags and a relationship event delivered again given back its state (about 80 B together), then by the
  // matcher's layout limits checked, with typed errors (about 0.2 kB), then by its hard constraints checked without
  // building answers they do not return (about 0.3 kB), then by data that contradicts itself read the cautious way
  // across the matcher, FHIR and intake (about 0.2 kB), then by a client's stays read by the moving rule (joined per
  // place, checked on each day a licence ends, paused through to the day the client is back or referred), with their
  // client words (about 1.4 kB), then by an assessment's criteria starting on the day the most urgent finding asks for,
  // with self-pay barred through the look-ahead under Medicare, Medicaid or an unknown programme (about 70 B net of the
  // joined spans folded into one). Then by the start date that never leaves a day without care, the payers the client
  // no longer holds left out, and the hand-over step after a change already made (about 0.3 kB, mostly its words).
  // Then by the ways to keep paying after a loss of in-network cover already past judged by the cover the client holds
  // today, a finding's own day the treating clinician can no longer see the client, and a capacity's part given twice
  // read the cautious way (about 0.25 kB). Then by deny provisions comparing an identifier by the digits alone where
  // its system keeps only digits, and a Plan-Net newpatients whose codes disagree (about 0.12 kB). Then by the words of
  // the hand-over with risk open after care is cut off, and of the continuity-of-care notice for a client who has left
  // the plan (about 0.25 kB), and case folded a code point at a time (about 40 B). Then by the ways to keep paying
  // judged over the look-ahead from their own day (Medicare or Medicaid taken up later bars self-pay now; a
  // cannot-afford scale bridges only to lasting in-network cover, and says when it ends; hardship refers no one away
  // from in-network Medicaid), the consent fixes above, and a panel exit reached without lengthening the policy's
  // look-ahead, and a rule's day checked before it is read (about 0.6 kB). Then by restrictions comparing ids that
  // read the same as one, and the option that says so (about 0.2 kB). Then by a deny's purpose reaching the purposes
  // below it in ActReason (about 60 B).
  "everything without zod": 99.4 * KB,
  // referwell/fhir on its own: its readers and writers, the code maps as data, and the model schemas they validate with;
  // then consents in and out (about 5 kB): the Consent reader and writer, and the consent schemas and built-in categories
  // they validate and read security labels with. An app that imports only the clinician or client readers does not
  // ship them. Then the clinician's outcome profile and licence number (about 0.35 kB), and a temporary address read
  // as a stay (about 0.1 kB).
  // Then by the compiled reader of validate (about 2.5 kB).
  // Then by date arithmetic on day numbers (about 0.5 kB).
  // Then by codings that disagree read the cautious way (about 0.4 kB, as without zod): every need a
  // condition's codings map to, a deny's every category and a permit's none, a second authorization kind refused, every
  // outcome rating kept, and the notes that say so.
  // Then by a capacity, fee or floor given more than once read the cautious way: the least room, the highest amount,
  // a floor above every fee raising the fee, a part left out read as the record needs it, and the notes that say so
  // (about 0.65 kB, as without zod). Then by a part given twice in one capacity read the cautious way (about 90 B),
  // and by an outcome's part given twice refused and a newpatients whose codes disagree read as not accepting
  // (about 0.1 kB). Then by a deny's behavioral-health labels read together, the option and the note that say so, and
  // a reading longer than a deny provision holds read as every category (about 0.3 kB, as without zod). Then by
  // opt-outs read as FHIR means them: a deny base naming nothing, an OPTOUT policy rule (about 0.25 kB, as without zod).
  // Then by the denies inside nested permits, read leniently, and more denies than a consent holds read as one that
  // denies what any of them does (about 0.75 kB, as without zod), and a draft from elsewhere read as restricting
  // (about 60 B). Then by actors that name a group read as all, ActCode's OID and STU3 URL read as ActCode, ids
  // referwell cannot hold read as absent, BH reaching the codes below it, and purposes below another, an active
  // Consent in force on no whole day read as inactive, and versioned, conditional and contained references (about
  // 0.4 kB).
  "fhir with zod": 60.5 * KB,
  // Without zod it grew by the client record's stays and stated preferences, which it validates, then by consents in and out,
  // the outcome profile, and stays from temporary addresses.
  // Then by the compiled reader of validate.
  // Then by a capacity, fee or floor given more than once read the cautious way, and a part given twice in one
  // capacity, each part refused above what the clinician record allows (about 0.1 kB), then by an outcome's part given
  // twice refused and a newpatients whose codes disagree read as not accepting (about 0.1 kB), then by a deny's
  // behavioral-health labels read together (about 0.3 kB), then by opt-outs read as FHIR means them (about 0.25 kB),
  // then by the denies inside nested permits and more denies than a consent holds merged (about 0.75 kB), and a
  // draft from elsewhere read as restricting (about 60 B), then by the probe's fixes: group actors, ActCode's other
  // names, ids read as absent, BH's kinds, purposes below another, a Consent in force on no whole day, versioned,
  // conditional and contained references (about 0.4 kB).
  "fhir without zod": 32.8 * KB,
};

const BUNDLERS = {
  async esbuild(code, withZod) {
    const result = await build({
      stdin: { contents: code, resolveDir: root, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      external: withZod ? [] : ["zod", "zod/*"],
      write: false,
      logLevel: "silent",
    });
    return result.outputFiles[0].text;
  },
  async rollup(code, withZod) {
    const app = "\0app";
    const bundle = await rollup({
      input: app,
      external: withZod ? [] : (id) => id === "zod" || id.startsWith("zod/"),
      plugins: [
        { name: "app", resolveId: (id) => (id === app ? id : null), load: (id) => (id === app ? code : null) },
        nodeResolve({ browser: true }),
      ],
      // zod's sources carry comments that mention `@__PURE__` in prose; Rollup warns about each.
      onwarn: (warning, warn) => (["CIRCULAR_DEPENDENCY", "INVALID_ANNOTATION"].includes(warning.code ?? "") ? undefined : warn(warning)),
    });
    const { output } = await bundle.generate({ format: "es", plugins: [terser()] });
    await bundle.close();
    return output[0].code;
  },
};

if (!existsSync(built("."))) {
  console.error("No build in dist/: run `npm run build` first.");
  process.exit(1);
}

let over = false;
console.log(`${"app".padEnd(44)} ${"bundler".padEnd(8)} ${"zod".padEnd(8)} ${"min".padStart(9)} ${"min+gz".padStart(9)}`);
for (const { name, from, code, smoke } of APPS) {
  for (const [bundler, bundle] of Object.entries(BUNDLERS)) {
    for (const withZod of [true, false]) {
      const output = Buffer.from(await bundle(code, withZod));
      if (withZod) smoke(await import(`data:text/javascript;base64,${output.toString("base64")}`));
      const gzip = gzipSync(output, { level: 9 }).length;
      const unrounded = BUDGETS[`${name} ${withZod ? "with" : "without"} zod`];
      // Whole bytes: a budget such as 32.7 kB multiplies to 32700.000000000004.
      const budget = unrounded === undefined ? undefined : Math.round(unrounded);
      const verdict = budget === undefined ? "" : `  budget ${budget} B: ${gzip <= budget ? "ok" : "OVER"}`;
      over ||= budget !== undefined && gzip > budget;
      const label = `${name} (${from})`;
      console.log(
        `${label.padEnd(44)} ${bundler.padEnd(8)} ${(withZod ? "with" : "without").padEnd(8)} ${String(output.length).padStart(9)} ${String(gzip).padStart(9)}${verdict}`,
      );
    }
  }
}
if (over) process.exit(1);
