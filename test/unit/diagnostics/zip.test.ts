import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createZip } from '../../../electron/core/diagnostics/zip';
import { makeTempDir } from '../../support/temp-dir';
import { readZip } from '../../support/zip-reader';

const temps: Array<() => void> = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));

const ENTRIES = [
  { name: 'logs/monitor.log', data: Buffer.from('{"level":"info","msg":"started"}\n'.repeat(500)) },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: 'résumé/été.json', data: Buffer.from('{"ok":true}') },
  // Random bytes do not deflate: they must still read back intact.
  { name: 'random.bin', data: randomBytes(300) },
];

describe('diagnostics zip (fflate)', () => {
  it('writes entries that read back byte for byte, with UTF-8 names', async () => {
    const zip = await createZip(ENTRIES, new Date(2026, 10, 23, 14, 30, 10));
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(ENTRIES.map((entry) => entry.name));
    for (const entry of ENTRIES) expect(files.get(entry.name)?.equals(entry.data), entry.name).toBe(true);
    expect(zip.length).toBeLessThan(ENTRIES[0]!.data.length); // the repetitive log was compressed
  });

  // Info-ZIP is what support and most Linux tools use; setup installs it, so a missing unzip fails here.
  it('is accepted by Info-ZIP unzip -t, with the timestamp given', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    const path = join(temp.dir, 'bundle.zip');
    writeFileSync(path, await createZip(ENTRIES, new Date(2026, 10, 23, 14, 30, 10)));
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
    expect(execFileSync('unzip', ['-l', path], { encoding: 'utf8' })).toMatch(/(2026-11-23|11-23-2026) 14:30\s+logs\/monitor\.log/);
  });

  it('refuses entry names that would escape the folder they are unpacked into', async () => {
    await expect(createZip([{ name: '../evil', data: Buffer.alloc(1) }], new Date())).rejects.toThrow('zip entry name "../evil"');
    await expect(createZip([{ name: '/etc/passwd', data: Buffer.alloc(1) }], new Date())).rejects.toThrow(/relative path/);
    await expect(createZip([{ name: 'a.txt', data: Buffer.alloc(1) }, { name: 'a.txt', data: Buffer.alloc(2) }], new Date())).rejects.toThrow(/appears twice/);
  });
});
