/**
 * Files in and out. Reading: every file the build reads is a regular file of bounded size, checked
 * before a byte is read (a FIFO would block for ever, /dev/zero never ends, a symbolic link could
 * publish a file from outside the repository). Writing: files go to a temporary path and are renamed
 * into place only when complete; a directory is replaced whole or not at all.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** A configuration or content file: a few KiB, a catalogue some hundred. */
export const TEXT_FILE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Why `path` may not be read, or null: a symbolic link (unless `followLinks`), anything but a
 * regular file, or more than `maxBytes`.
 */
export function fileRefusal(path: string, maxBytes: number, followLinks = false): string | null {
  const stat = followLinks ? statSync(path) : lstatSync(path);
  const wrongType = typeRefusal(stat);
  if (wrongType) return wrongType;
  if (stat.size > maxBytes)
    return `filen är ${Math.ceil(stat.size / 1024)} KiB; högst ${Math.floor(maxBytes / 1024)} KiB tillåts`;
  return null;
}

/** Why a file of this kind (as `lstat` or `stat` sees it) is not read: anything but a regular file. */
export function typeRefusal(stat: Stats): string | null {
  if (stat.isSymbolicLink()) return 'är en symbolisk länk; lägg filen själv här i stället';
  if (!stat.isFile()) return 'är ingen vanlig fil (en mapp, en FIFO eller en enhet) och läses inte';
  return null;
}

/** The bytes of a regular file of at most `maxBytes`; otherwise an error naming the path and why. */
export function readCheckedFile(path: string, maxBytes: number): Buffer {
  const refusal = fileRefusal(path, maxBytes);
  if (refusal) throw new Error(`${path}: ${refusal}`);
  return readFileSync(path);
}

/** The text of a regular file of at most `maxBytes`; otherwise an error naming the path and why. */
export function readCheckedText(path: string, maxBytes = TEXT_FILE_MAX_BYTES): string {
  return readCheckedFile(path, maxBytes).toString('utf8');
}

/** Every path under `directory` that is no regular file or folder: links, FIFOs, sockets, devices. */
export function irregularEntries(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return irregularEntries(path);
    return entry.isFile() ? [] : [path];
  });
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function writeFileAtomic(path: string, content: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** Moves a finished `staging` directory to `target`, keeping the old target until the move succeeded. */
export function replaceDirectory(staging: string, target: string): void {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadTarget) renameSync(previous, target);
    throw error;
  }
  if (hadTarget) rmSync(previous, { recursive: true, force: true });
}

/** Stable JSON: keys in insertion order, two-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
