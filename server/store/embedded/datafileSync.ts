import { open, type FileHandle } from 'node:fs/promises';

/**
 * A datafile kept open (in append mode) for the store's appends and their
 * fdatasync: opening and closing it by name for every append and every
 * flush cost more than the writes' bookkeeping. nedb's compaction replaces
 * the file by a rename: `replaced()` then drops the handle, so the next
 * append or flush opens the new file by name.
 */
export class OpenDatafile {
  private handle: Promise<FileHandle> | null = null;

  constructor(
    private readonly file: string,
    private readonly mode = 0o644,
  ) {}

  /** Appends text at the end of the file (the caller runs one append at a time: nedb's executor). */
  append(text: string): Promise<void> {
    return this.use((handle) => handle.appendFile(text, 'utf8'));
  }

  /** Flushes the file's data to the disk. */
  datasync(): Promise<void> {
    return this.use((handle) => handle.datasync());
  }

  /** The file was replaced (renamed over): later appends and flushes must open it again. */
  replaced(): void {
    this.drop();
  }

  /** Closes the handle (once its pending operations are done). */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await closeQuietly(handle);
  }

  private async use(operation: (handle: FileHandle) => Promise<void>): Promise<void> {
    const handle = (this.handle ??= open(this.file, 'a', this.mode));
    try {
      await operation(await handle);
    } catch (error) {
      // A failed open or operation is not kept: the next one starts from a fresh handle.
      if (this.handle === handle) this.drop();
      throw error;
    }
  }

  private drop(): void {
    const handle = this.handle;
    this.handle = null;
    if (handle) void closeQuietly(handle);
  }
}

/** Closes a handle after its pending operations; a handle that never opened, or fails to close, has nothing left to flush. */
function closeQuietly(handle: Promise<FileHandle>): Promise<void> {
  return handle.then((opened) => opened.close()).catch(() => undefined);
}

/**
 * Makes nedb's appends durable. nedb appends each write to its datafile with
 * fs.appendFile and resolves without fsync (persistence.js says so: "appends
 * to the data file do not [flush]"), so a power cut or kernel crash could
 * lose acknowledged writes. The store acknowledges a write only after
 * `sync()` resolves: one fdatasync that started after the write finished.
 *
 * Group commit: writes finishing while a flush runs share the next flush, so
 * N concurrent writers cost about two fdatasyncs, not N.
 */
export class DatafileSync {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** How many flushes ran (for tests and diagnostics). */
  flushes = 0;

  /** The kept-open file, for the store's appends. */
  readonly datafile: OpenDatafile;
  private readonly flush: (file: string) => Promise<void>;

  /** `flush` stands in for the fdatasync of the kept-open file (tests). */
  constructor(
    private readonly file: string,
    flush?: (file: string) => Promise<void>,
    mode?: number,
  ) {
    this.datafile = new OpenDatafile(file, mode);
    this.flush = flush ?? (() => this.datafile.datasync());
  }

  /** The file was replaced (nedb's compaction renames a rewritten copy over it). */
  fileReplaced(): void {
    this.datafile.replaced();
  }

  /** Waits for flushes in flight, then closes the file. */
  async close(): Promise<void> {
    await this.idle();
    await this.datafile.close();
  }

  /** Resolves once everything written to the file before this call is on disk. */
  sync(): Promise<void> {
    if (!this.running) return this.start();
    // The running flush may have started before the caller's write ended: wait for the next one.
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  /** Resolves when no flush is running or queued. */
  async idle(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running)?.catch(() => undefined);
  }

  private startQueued(): Promise<void> {
    this.queued = null;
    return this.start();
  }

  private start(): Promise<void> {
    this.flushes++;
    const run = this.flush(this.file).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
