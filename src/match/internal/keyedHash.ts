/**
 * HalfSipHash-2-4 with a 32-bit result, over a string's UTF-16 code units
 * taken as little-endian bytes: J.-P. Aumasson and D. J. Bernstein's keyed
 * hash for short inputs (SipHash, 2012; its 32-bit variant HalfSipHash is
 * given in their reference implementation, github.com/veorq/SipHash,
 * `halfsiphash.c`; a test checks its vectors, `vectors.h`). A table of
 * input's strings hashes them under a secret key, so that strings cannot be
 * chosen to collide in it without the key.
 */
export function keyedHash(text: string, key0: number, key1: number): number {
  let v0 = key0 | 0;
  let v1 = key1 | 0;
  let v2 = 0x6c796765 ^ key0;
  let v3 = 0x74656462 ^ key1;
  const units = text.length;
  // Two code units make a 32-bit word; the last word holds the length in bytes (its low 8 bits) on top and any
  // code unit left over below. After it, the finishing step. One loop, so that the round is written once.
  const words = (units >>> 1) + 1;
  for (let step = 0; step <= words; step += 1) {
    const finishing = step === words;
    const at = 2 * step;
    let word = 0;
    if (step < words - 1) word = text.charCodeAt(at) | (text.charCodeAt(at + 1) << 16);
    else if (!finishing) word = (units << 25) | (at < units ? text.charCodeAt(at) : 0);
    if (finishing) v2 ^= 0xff;
    else v3 ^= word;
    for (let round = finishing ? 4 : 2; round > 0; round -= 1) {
      v0 = (v0 + v1) | 0;
      v1 = (v1 << 5) | (v1 >>> 27);
      v1 ^= v0;
      v0 = (v0 << 16) | (v0 >>> 16);
      v2 = (v2 + v3) | 0;
      v3 = (v3 << 8) | (v3 >>> 24);
      v3 ^= v2;
      v0 = (v0 + v3) | 0;
      v3 = (v3 << 7) | (v3 >>> 25);
      v3 ^= v0;
      v2 = (v2 + v1) | 0;
      v1 = (v1 << 13) | (v1 >>> 19);
      v1 ^= v2;
      v2 = (v2 << 16) | (v2 >>> 16);
    }
    v0 ^= word;
  }
  return v1 ^ v3;
}
