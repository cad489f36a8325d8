/**
 * The weekly referral review of a fictional group practice, run on the sample
 * data (examples/data) against the built package. Each capability adds its
 * section from examples/demo/.
 *
 *   npm run demo
 */
import { cadenceSection } from "./demo/cadence.js";
import { consentSection } from "./demo/consent.js";
import { intakeSection } from "./demo/intake.js";
import { loadSampleData } from "./demo/load.js";
import { matchingSection } from "./demo/match.js";
import { overview } from "./demo/overview.js";
import { referralSection } from "./demo/refer.js";
import { relationshipsSection } from "./demo/relationships.js";

const data = loadSampleData();
const practice = data.directory.practices.find((p) => p.id === data.homePracticeId);
console.log(`Weekly referral review — ${practice?.name ?? data.homePracticeId} — week of ${data.weekOf}`);

overview(data);
const referred = referralSection(data);
matchingSection(data, referred);
relationshipsSection(data);
intakeSection(data);
consentSection(data);
cadenceSection(data);
