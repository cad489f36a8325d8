/**
 * ISO 639-1 two-letter language codes: the 183 of the ISO 639-2 Registration
 * Authority's table (Library of Congress), plus the withdrawn or deprecated
 * bh, in, iw, ji, jw, mo and sh that older systems still write.
 */
const ISO_639_1 = new Set(
  (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu " +
    "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk " +
    "kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj " +
    "om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr " +
    "ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
  ).split(" "),
);

/**
 * Whether a BCP 47 tag's primary language subtag is known: a two-letter
 * subtag must be an ISO 639-1 code; a three-letter one (ISO 639-2/3, about
 * 8,000 codes, too many to carry) is taken as known.
 */
export function isKnownLanguage(tag: string): boolean {
  // The part before the first hyphen, read without splitting: the matcher asks this of every tag of a directory.
  const dash = tag.indexOf("-");
  const primary = (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
  return primary.length !== 2 || ISO_639_1.has(primary);
}
