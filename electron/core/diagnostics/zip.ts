/**
 * The diagnostics bundle as a ZIP (fflate): entries deflated with their modification time and UTF-8 names,
 * built in memory because the bundle is bounded by the log rotation. fflate's asynchronous `zip` compresses
 * on worker threads, so exporting megabytes of logs does not freeze the main process.
 */
import { zip, type AsyncZippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

// A plain ZIP (no ZIP64, which fflate does not write) holds at most this many entries.
const MAX_ZIP32_ENTRIES = 0xffff;

/** Names that an unzip tool would place outside the folder it unpacks into are refused. */
function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`zip entry name "${name}" must be a relative path with forward slashes and no ".."`);
  }
}

export async function createZip(entries: readonly ZipEntry[], modifiedAt: Date): Promise<Buffer> {
  if (entries.length > MAX_ZIP32_ENTRIES) throw new Error(`a zip without ZIP64 holds at most ${MAX_ZIP32_ENTRIES} entries, got ${entries.length}`);
  const files: AsyncZippable = {};
  for (const entry of entries) {
    checkName(entry.name);
    if (entry.name in files) throw new Error(`zip entry name "${entry.name}" appears twice`);
    files[entry.name] = [new Uint8Array(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength), { mtime: modifiedAt }];
  }
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data)));
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
