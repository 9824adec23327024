// A minimal XLSX writer (one worksheet, strings, numbers and booleans), with no dependency: a ZIP of the few
// SpreadsheetML parts a workbook needs, written as a stream of chunks. The site's downloads store it uncompressed;
// `afkoop scenario run` deflates it with Node's zlib, so a sweep's sheet of any length is never held whole. Opens in
// Excel and LibreOffice.
const enc = new TextEncoder();

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 continued over more bytes (start with 0). */
function crc32Verder(crc, bytes) {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The bytes of a ZIP file of these parts (name and an iterable of byte chunks), in order, without holding a part
 * whole when it is compressed. `deflate(bytes, last)`: raw DEFLATE of a chunk, each a run of blocks that ends on a byte
 * boundary, the last one final (Node: zlib deflateRawSync with Z_SYNC_FLUSH, then Z_FINISH); its sizes and CRC then
 * follow the data (a data descriptor). Without it the parts are stored, each held whole to write its header.
 * `crc32(crc, bytes)`: the CRC-32 continued over more bytes (crc32Verder, or Node's zlib.crc32, which is ten times
 * faster: 0.6 s for the 175 MiB of a 20 x 20 sweep's sheet in this loop).
 * @param {[string, Iterable<Uint8Array>][]} files @param {((bytes: Uint8Array, last: boolean) => Uint8Array) | null} deflate
 * @param {(crc: number, bytes: Uint8Array) => number} [crc32]
 * @returns {Generator<Uint8Array>}
 */
function* zip(files, deflate, crc32 = crc32Verder) {
  const central = [];
  let offset = 0;
  for (const [name, chunks] of files) {
    const start = offset;
    const nameBytes = enc.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    let crc = 0;
    let size = 0;
    let packed = 0;
    if (deflate) {
      local.setUint16(6, 0x0008, true); // sizes and CRC in a data descriptor after the data
      local.setUint16(8, 8, true); // deflate
      local.setUint16(26, nameBytes.length, true);
      yield new Uint8Array(local.buffer);
      yield nameBytes;
      for (const c of chunks) {
        crc = crc32(crc, c);
        size += c.length;
        const d = deflate(c, false);
        packed += d.length;
        yield d;
      }
      const end = deflate(new Uint8Array(0), true);
      packed += end.length;
      yield end;
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(4, crc, true);
      dd.setUint32(8, packed, true);
      dd.setUint32(12, size, true);
      yield new Uint8Array(dd.buffer);
      offset += 30 + nameBytes.length + packed + 16;
    } else {
      const data = samen([...chunks]);
      crc = crc32(0, data);
      size = packed = data.length;
      local.setUint32(14, crc, true);
      local.setUint32(18, size, true);
      local.setUint32(22, size, true);
      local.setUint16(26, nameBytes.length, true);
      yield new Uint8Array(local.buffer);
      yield nameBytes;
      yield data;
      offset += 30 + nameBytes.length + size;
    }
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, deflate ? 0x0008 : 0, true);
    cd.setUint16(10, deflate ? 8 : 0, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, packed, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint32(42, start, true);
    central.push(new Uint8Array(cd.buffer), nameBytes);
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  yield* central;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  yield new Uint8Array(end.buffer);
}

/** @param {Uint8Array[]} chunks */
function samen(chunks) {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const xml = (s) =>
  String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

function colName(i) {
  let s = "";
  for (i++; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** One row of the sheet: numbers and booleans as values, text inline, nothing for null. @param {unknown[]} r @param {number} i @param {string[]} kolommen */
function rowXml(r, i, kolommen) {
  let out = `<row r="${i + 1}">`;
  for (let j = 0; j < r.length; j++) {
    const v = r[j];
    if (v === null || v === undefined) continue;
    if (kolommen[j] === undefined) kolommen[j] = colName(j);
    const ref = `${kolommen[j]}${i + 1}`;
    if (typeof v === "number" && Number.isFinite(v)) out += `<c r="${ref}"><v>${v}</v></c>`;
    else if (typeof v === "boolean") out += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    else out += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
  }
  return out + "</row>";
}

/** The sheet's XML in chunks of rows. @param {Iterable<unknown[]>} rows @returns {Generator<Uint8Array>} */
function* sheetXml(rows) {
  yield enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  );
  /** @type {string[]} the column letters, A, B, ..., made once */
  const kolommen = [];
  let i = 0;
  let buf = "";
  for (const r of rows) {
    buf += rowXml(r, i++, kolommen);
    if (buf.length > 1 << 20) {
      yield enc.encode(buf);
      buf = "";
    }
  }
  yield enc.encode(`${buf}</sheetData></worksheet>`);
}

/**
 * The bytes of an XLSX workbook of one sheet, in chunks: `rows` (first the header) is read once, as the chunks are
 * taken, so a sheet of any length is written without being held whole when `deflate` is given (see zip). An XLSX
 * sheet holds at most 1,048,576 rows. `crc32`: see zip.
 * @param {Iterable<unknown[]>} rows @param {string} [sheetName] @param {((bytes: Uint8Array, last: boolean) => Uint8Array) | null} [deflate]
 * @param {(crc: number, bytes: Uint8Array) => number} [crc32]
 */
export function xlsxChunks(rows, sheetName = "Blad1", deflate = null, crc32 = crc32Verder) {
  const name = xml(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Blad1");
  const part = (text) => [enc.encode(text)];
  return zip(
    [
      [
        "[Content_Types].xml",
        part(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
      ],
      [
        "_rels/.rels",
        part(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      ],
      [
        "xl/workbook.xml",
        part(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
      [
        "xl/_rels/workbook.xml.rels",
        part(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
      ["xl/worksheets/sheet1.xml", sheetXml(rows)],
    ],
    deflate,
    crc32,
  );
}

/** An XLSX workbook of one sheet as one array of bytes (stored, for the site's downloads). @param {unknown[][]} rows @param {string} [sheetName] */
export function xlsxBytes(rows, sheetName) {
  return samen([...xlsxChunks(rows, sheetName)]);
}
