import type { Clinician } from "../../model/clinician.js";

/** The yes-or-no fields of a record a compiled clinician keeps, one bit each of its `flags`: one number, not a field each. */
export const FLAG = { telehealth: 1, acceptingNewClients: 2, worksWithInterpreters: 4 } as const;

/** A record's yes-or-no fields as `flags`; `worksWithInterpreters` not given counts as no, as the checks read it. */
export const clinicianFlags = (source: Pick<Clinician, keyof typeof FLAG>): number =>
  (source.telehealth ? FLAG.telehealth : 0) |
  (source.acceptingNewClients ? FLAG.acceptingNewClients : 0) |
  (source.worksWithInterpreters === true ? FLAG.worksWithInterpreters : 0);
