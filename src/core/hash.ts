/**
 * FNV-1a (32 bits) of a text's UTF-16 code units, with the text's length: linear, tiny, and the same in
 * Apps Script, Node and a browser. A fingerprint to notice a change, not a signature.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0") + ":" + text.length;
}
