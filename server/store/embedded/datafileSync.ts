import { open } from 'node:fs/promises';

/** Flushes a file's data to the disk (fdatasync), opening it by name so a compaction's rename is followed. */
export async function fdatasyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
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

  constructor(
    private readonly file: string,
    private readonly flush: (file: string) => Promise<void> = fdatasyncFile,
  ) {}

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
