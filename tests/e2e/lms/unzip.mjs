// A small zip reader, enough to serve a SCORM package straight from its zip file as an
// LMS does after upload. Node has no zip reader of its own; this one reads what zip
// tools and `cargo xtask package` write, and refuses the rest with an error that says why:
//
// - the end-of-central-directory record (found backwards from the end, past a comment of
//   up to 64 KiB), then every central-directory entry, then each entry's local header
//   (whose name and extra field may differ in length from the central one);
// - methods 0 (stored) and 8 (deflate, through `zlib.inflateRawSync`); any other method,
//   encryption, ZIP64, archives split over several disks and names that are absolute,
//   climb out with `..`, use backslashes or repeat an earlier name are errors;
// - names in UTF-8 when the entry says so (flag bit 11), otherwise they must be ASCII (a
//   CP437 name is refused rather than guessed);
// - each entry's bytes are checked against its CRC-32 and its uncompressed size.
//
//   import { readZip, openZip } from './unzip.mjs';
//   const zip = readZip(bytes);          // or: await openZip('package.zip')
//   zip.names();                         // ['imsmanifest.xml', 'index.html', 'sre/', …]
//   zip.has('index.html'); zip.isFolder('sre/');
//   zip.read('index.html');              // a Buffer, inflated and checked, or null

import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const METHODS = { 0: 'stored', 8: 'deflate' };

export class ZipError extends Error {
  constructor(message) {
    super(`zip: ${message}`);
    this.name = 'ZipError';
  }
}

function findEndRecord(buf) {
  // 22 bytes of record, then a comment of at most 65535 bytes.
  const last = buf.length - 22;
  if (last < 0) throw new ZipError(`${buf.length} bytes is too short for a zip file`);
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD && at + 22 + buf.readUInt16LE(at + 20) === buf.length) return at;
  }
  throw new ZipError('no end-of-central-directory record: not a zip file, or a truncated one');
}

function decodeName(raw, utf8, where) {
  if (utf8) return raw.toString('utf8');
  if (raw.some((byte) => byte >= 0x80)) {
    throw new ZipError(`${where}: a non-ASCII name without the UTF-8 flag (CP437) is not supported`);
  }
  return raw.toString('latin1');
}

function checkName(name) {
  const bad =
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part, i, parts) => part === '..' || part === '.' || (part === '' && i < parts.length - 1));
  if (bad) throw new ZipError(`unsafe entry name ${JSON.stringify(name)}`);
}

/** Reads the zip in `buf` (a Buffer); entries are inflated only when read. */
export function readZip(buf) {
  if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf);
  const end = findEndRecord(buf);
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const countHere = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_LOCATOR)) {
    throw new ZipError('ZIP64 archives are not supported');
  }
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) {
    throw new ZipError('archives split over several disks are not supported');
  }
  if (cdOffset + cdSize > end) throw new ZipError('the central directory runs past its end record');

  const entries = new Map();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) {
      throw new ZipError(`central-directory entry ${i} not found at offset ${at}`);
    }
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = decodeName(buf.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0, `entry ${i}`);
    at += 46 + nameLength + extraLength + commentLength;

    checkName(name);
    if (entries.has(name)) throw new ZipError(`${name}: the name appears twice`);
    if (flags & 0x1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (!(method in METHODS)) {
      throw new ZipError(`${name}: compression method ${method} is not supported (only 0, stored, and 8, deflate)`);
    }
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError(`${name}: ZIP64 entries are not supported`);
    }
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== LOCAL) {
      throw new ZipError(`${name}: no local header at offset ${localOffset}`);
    }
    // The local header's own name and extra lengths place the data; the sizes and CRC
    // come from the central directory (a local header with flag bit 3 has zeros there).
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw new ZipError(`${name}: its data runs past the central directory`);
    const folder = name.endsWith('/');
    if (folder && size !== 0) throw new ZipError(`${name}: a folder entry with ${size} bytes of data`);
    entries.set(name, { name, folder, method: METHODS[method], size, compressedSize, crc, dataStart });
  }

  const cache = new Map();
  return {
    /** Every entry's name, folders with their trailing slash, in the archive's order. */
    names: () => [...entries.keys()],
    /** An entry's description (name, folder, method, size, compressedSize, crc), or null. */
    entry: (name) => {
      const found = entries.get(name);
      if (!found) return null;
      const { dataStart, ...rest } = found;
      return rest;
    },
    /** Whether `name` is a file of the archive (not a folder). */
    has: (name) => entries.get(name)?.folder === false,
    /**
     * Whether `name` (with or without its trailing slash) is a folder: an explicit
     * folder entry, or a prefix of some file's path ('' is the root).
     */
    isFolder: (name) => {
      const prefix = name === '' || name.endsWith('/') ? name : `${name}/`;
      if (prefix === '') return true;
      if (entries.get(prefix)?.folder) return true;
      for (const key of entries.keys()) if (key.startsWith(prefix)) return true;
      return false;
    },
    /** The bytes of the file `name`, inflated and checked; null when there is no such file. */
    read: (name) => {
      const found = entries.get(name);
      if (!found || found.folder) return null;
      let bytes = cache.get(name);
      if (bytes) return bytes;
      const raw = buf.subarray(found.dataStart, found.dataStart + found.compressedSize);
      if (found.method === 'stored') {
        if (found.compressedSize !== found.size) throw new ZipError(`${name}: a stored entry whose two sizes differ`);
        bytes = raw;
      } else {
        try {
          bytes = inflateRawSync(raw);
        } catch (error) {
          throw new ZipError(`${name}: the deflate data is corrupt (${error.message})`);
        }
      }
      if (bytes.length !== found.size) throw new ZipError(`${name}: ${bytes.length} bytes where the directory says ${found.size}`);
      if ((crc32(bytes) >>> 0) !== found.crc) throw new ZipError(`${name}: CRC-32 mismatch`);
      cache.set(name, bytes);
      return bytes;
    },
  };
}

/** Reads the zip file at `path`. */
export async function openZip(path) {
  return readZip(await readFile(path));
}
