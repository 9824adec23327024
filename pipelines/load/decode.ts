import type { InputIssue } from "../lib/errors.ts";

/**
 * Decodes a file as UTF-8 (an optional BOM is dropped). A file in another encoding
 * (Windows-1252 exports from Excel, UTF-16) is refused with the line and column of the
 * first byte that is not valid UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { issue: InputIssue } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { issue: { file, line: 1, column: 1, expected: "a UTF-8 text file", found: "UTF-16 (save it as 'CSV UTF-8')" } };
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
      issue: {
        file,
        line: 1,
        column: 1,
        expected: "a UTF-8 text file",
        found: `UTF-16 text without a byte-order mark (${zeroOdd > zeroEven ? "little" : "big"}-endian); save it as 'CSV UTF-8'`,
      },
    };
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    const pos = firstInvalidUtf8(body);
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < pos; k++)
      if (body[k] === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    // column counted in characters of the valid prefix of the line
    const prefix = new TextDecoder("utf-8").decode(body.subarray(lineStart, pos));
    const hex = body[pos].toString(16).toUpperCase().padStart(2, "0");
    return {
      issue: {
        file,
        line,
        column: [...prefix].length + 1,
        expected: "UTF-8 text (save the file as 'CSV UTF-8')",
        found: `byte 0x${hex}, which is not valid UTF-8 (the file looks like Windows-1252/Latin-1)`,
      },
    };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let k = 0;
  while (k < b.length) {
    const c = b[k];
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return k;
    for (let j = 1; j <= n; j++) if (k + j >= b.length || (b[k + j] & 0xc0) !== 0x80) return k;
    k += n + 1;
  }
  return b.length;
}
