/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, no ZIP64, no encryption): enough for a diagnostics bundle that
 * Windows Explorer, macOS Archive Utility and `unzip` open, without a dependency. Entries are deflated
 * (or stored when deflate does not help) and built in memory: the bundle is bounded by the log rotation.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

// Deflate runs on libuv's thread pool: exporting megabytes of logs does not freeze the main process.
const deflateRawAsync = promisify(deflateRaw);

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const FLAG_UTF8_NAMES = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
// Without ZIP64 every size and offset is 32-bit and the entry count 16-bit.
const MAX_ZIP32_BYTES = 0xffff_ffff;
const MAX_ZIP32_ENTRIES = 0xffff;

/** MS-DOS date and time, the only timestamp a plain ZIP header holds (local time, 2-second steps). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`zip entry name "${name}" must be a relative path with forward slashes and no ".."`);
  }
}

export async function createZip(entries: readonly ZipEntry[], modifiedAt: Date): Promise<Buffer> {
  if (entries.length > MAX_ZIP32_ENTRIES) throw new Error(`a zip without ZIP64 holds at most ${MAX_ZIP32_ENTRIES} entries, got ${entries.length}`);
  const stamp = dosDateTime(modifiedAt);
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offsetBytes = 0;

  for (const entry of entries) {
    checkName(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = await deflateRawAsync(entry.data);
    const method = deflated.length < entry.data.length ? METHOD_DEFLATE : METHOD_STORE;
    const body = method === METHOD_DEFLATE ? deflated : entry.data;
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0);
    central.writeUInt16LE(VERSION_NEEDED, 4); // version made by: MS-DOS/FAT attributes
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offsetBytes, 42);

    localParts.push(local, name, body);
    centralParts.push(central, name);
    offsetBytes += local.length + name.length + body.length;
    if (offsetBytes > MAX_ZIP32_BYTES) throw new Error('the zip would exceed 4 GiB, which needs ZIP64');
  }

  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in total
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offsetBytes, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}
