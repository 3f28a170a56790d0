import { open } from 'node:fs/promises';

const CHUNK = 64 * 1024;

/**
 * Cuts a datafile back to its last complete line. A process killed in the
 * middle of an append can leave a partial last line; that write was never
 * acknowledged (the store acknowledges after the append and its fdatasync),
 * so dropping it loses nothing anyone was told is stored, and nedb then
 * loads the file cleanly. Returns how many bytes were dropped (0 when the
 * file ends with a newline, is empty, or does not exist).
 */
export async function dropTornTail(file: string): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const keep = await endOfLastLine(handle, size);
    if (keep === size) return 0;
    await handle.truncate(keep);
    await handle.datasync();
    return size - keep;
  } finally {
    await handle.close();
  }
}

/** Offset just past the last '\n' (0 if none); `size` if the file is empty or ends with one. */
async function endOfLastLine(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  for (let end = size; end > 0; end -= CHUNK) {
    const start = Math.max(0, end - CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
  }
  return 0;
}
