import * as z from "zod";
import { Confidentiality, PurposeOfUse, SensitivityCode } from "../../consent/categories.js";
import { Id, IsoDate } from "../../model/scalars.js";

/**
 * The parts of consent's results the FHIR writers read. consent's results
 * are plain interfaces, so they are checked here, loosely (other keys pass
 * untouched): a result from another version of consent that lacks one of
 * these parts is refused, not written half.
 */
const Labels = z.object({ confidentiality: Confidentiality, sensitivity: z.array(SensitivityCode).max(50) });

const RecipientShape = z.object({
  referrerId: Id,
  name: z.string().min(1).max(200),
  identifiers: z.array(z.object({ system: z.string().min(1).max(200), value: z.string().min(1).max(200) })).max(20),
});

/** A disclosure record as the writers read it. */
export const DisclosureShape = z.object({
  date: IsoDate,
  clientId: Id,
  recipient: RecipientShape,
  description: z.string().min(1).max(2_000),
  purpose: z.object({ code: PurposeOfUse, text: z.string().min(1).max(500) }),
  basis: z.array(Id).max(500),
  emergency: z.boolean(),
  categories: z.array(z.string().min(1).max(64)).max(500),
  confidentiality: Confidentiality,
  sensitivity: z.array(SensitivityCode).max(50),
});

/** A composed update as the writers read it. */
export const ComposedShape = z.object({
  status: z.enum(["update", "generic-note", "nothing"]),
  update: z.object({ title: z.string().min(1).max(500), text: z.string().min(1).max(200_000), labels: Labels }).optional(),
  disclosure: DisclosureShape.optional(),
});
