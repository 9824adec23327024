import type { InputIssue } from "../lib/errors.ts";

/**
 * Decodes a file as UTF-8 (an optional BOM is dropped). A file in another encoding
 * (Windows-1252 exports from Excel, UTF-16) is refused with the line and column of the
 * first byte that is not valid UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { issue: InputIssue } {
  const utf16 = utf16Issue(bytes, file);
  if (utf16) return { issue: utf16 };
  const body = bytes.subarray(bomLength(bytes));
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    return {
      issue: invalidUtf8Issue([body], file) ?? { file, expected: "UTF-8 text (save the file as 'CSV UTF-8')", found: "bytes that are not valid UTF-8" },
    };
  }
}

/** The length of a UTF-8 byte-order mark at the start of these bytes (3), or 0. */
export const bomLength = (b: Uint8Array): number => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);

/** Why a file whose first bytes these are is UTF-16 rather than UTF-8 (with or without a byte-order mark), or null. */
export function utf16Issue(bytes: Uint8Array, file: string): InputIssue | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { file, line: 1, column: 1, expected: "a UTF-8 text file", found: "UTF-16 (save it as 'CSV UTF-8')" };
  }
  // UTF-16 without a byte-order mark: text whose every other byte is zero
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeroEven = 0,
    zeroOdd = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  if (sample.length >= 4 && Math.max(zeroEven, zeroOdd) > sample.length / 4) {
    return {
      file,
      line: 1,
      column: 1,
      expected: "a UTF-8 text file",
      found: `UTF-16 text without a byte-order mark (${zeroOdd > zeroEven ? "little" : "big"}-endian); save it as 'CSV UTF-8'`,
    };
  }
  return null;
}

/**
 * The first byte that is not valid UTF-8, as an issue with its line and column (in characters), read from the
 * text's bytes (after a byte-order mark) in pieces, or null when they are all valid. The pieces may cut a character.
 */
export function invalidUtf8Issue(pieces: Iterable<Uint8Array>, file: string): InputIssue | null {
  const issue = (line: number, column: number, byte: number): InputIssue => ({
    file,
    line,
    column,
    expected: "UTF-8 text (save the file as 'CSV UTF-8')",
    found: `byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, which is not valid UTF-8 (the file looks like Windows-1252/Latin-1)`,
  });
  let line = 1;
  let chars = 0; // characters before this one on its line
  let need = 0; // continuation bytes the character still needs
  let lo = 0x80;
  let hi = 0xbf; // the range of the next continuation byte
  let lead = 0;
  let leadLine = 1;
  let leadChars = 0;
  for (const b of pieces)
    for (let k = 0; k < b.length; k++) {
      const c = b[k];
      if (need > 0) {
        if (c < lo || c > hi) return issue(leadLine, leadChars + 1, lead);
        lo = 0x80;
        hi = 0xbf;
        need--;
        continue;
      }
      if (c < 0x80) {
        if (c === 0x0a) {
          line++;
          chars = 0;
        } else chars++;
        continue;
      }
      lead = c;
      leadLine = line;
      leadChars = chars;
      // the lead byte, and the range its first continuation byte must be in (no overlong forms, surrogates or code
      // points past U+10FFFF, as a strict decoder refuses them)
      if (c >= 0xc2 && c <= 0xdf) need = 1;
      else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c === 0xe0) lo = 0xa0;
        if (c === 0xed) hi = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c === 0xf0) lo = 0x90;
        if (c === 0xf4) hi = 0x8f;
      } else return issue(line, chars + 1, c);
      chars++;
    }
  return need > 0 ? issue(leadLine, leadChars + 1, lead) : null;
}
