/**
 * The weekly referral review of a fictional group practice, run on the sample
 * data (examples/data) against the built package. Each capability adds its
 * section from examples/demo/.
 *
 *   npm run demo
 */
import { loadSampleData } from "./demo/load.js";
import { overview } from "./demo/overview.js";
import { referralSection } from "./demo/refer.js";

const data = loadSampleData();
const practice = data.directory.practices.find((p) => p.id === data.homePracticeId);
console.log(`Weekly referral review — ${practice?.name ?? data.homePracticeId} — week of ${data.weekOf}`);

overview(data);
referralSection(data);
