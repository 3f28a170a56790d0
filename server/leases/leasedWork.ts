import { logger } from '../logger.js';
import { LeaseLostError } from './leaseErrors.js';
import type { LeaseGrant, Leases } from './leases.js';

/** Work that runs only while its lease is held: started on taking it, stopped on losing it (and may be started again later). */
export interface LeasedJob {
  /** `grant.takenFrom` says the lease came from another process (dead or hung), whose last writes may need following up. */
  start(fence: Fence, grant?: LeaseGrant): void;
  stop(): Promise<void>;
}

/** What a leased job shows writes and sends before making them: throws LeaseLostError once the lease is gone. */
export interface Fence {
  readonly lease: string;
  /** The fencing token of the current grant (checkpoint writes carry it). */
  token(): number;
  /** Throws LeaseLostError unless the lease is still ours (by our clock, then by the stored lease). */
  assertHeld(): Promise<void>;
  /** Whether our clock still trusts the grant (no store read). */
  heldLocally(): boolean;
}

/**
 * Keeps one named lease for a job: every `pollMs` it renews the lease (or
 * tries to take it), starts the job when it gets it and stops the job the
 * moment a renewal fails or our clock passes the grant. A process that died
 * holding the lease stops renewing it; another takes it once it expires, so
 * within LEASE_MS plus one poll.
 */
export class LeasedWork {
  private grant: LeaseGrant | undefined;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private closed = false;
  /** The fence the job checks before each write or send. */
  readonly fence: Fence;

  constructor(
    private readonly leases: Leases,
    readonly name: string,
    private readonly job: LeasedJob,
    private readonly pollMs: number = Math.max(100, Math.floor(leases.leaseMs / 3)),
  ) {
    this.fence = {
      lease: name,
      token: () => this.grant?.token ?? 0,
      heldLocally: () => this.held,
      assertHeld: async () => {
        const grant = this.grant;
        if (!grant || !this.running) throw new LeaseLostError(name, grant?.token ?? 0, 'this process does not hold it');
        if (!(await this.leases.stillHeld(grant))) {
          await this.lose('a write found it gone');
          throw new LeaseLostError(name, grant.token, 'expired or taken by another process');
        }
      },
    };
  }

  /** Starts trying to take the lease (now, then every poll). */
  begin(): void {
    this.ticking = this.tick();
  }

  /** Whether this process works the job now. */
  get held(): boolean {
    return this.running && this.grant !== undefined && this.leases.clock() < this.grant.validUntil;
  }

  /** One round: renew or take the lease, start or stop the job accordingly. */
  async tick(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.grant && this.leases.clock() >= this.grant.validUntil) await this.lose('not renewed in time');
      const grant = await this.leases.acquire(this.name, this.grant);
      if (this.closed) {
        if (grant) await this.leases.release(grant);
        return;
      }
      if (!grant) {
        if (this.grant) await this.lose('another process holds it');
      } else {
        const taken = !this.grant || grant.token !== this.grant.token;
        if (taken && this.grant) await this.lose('taken again under a new token');
        this.grant = grant;
        if (taken) this.startJob(grant);
      }
    } catch (error) {
      logger.warn({ err: error, lease: this.name }, 'lease renewal failed');
      if (this.grant && this.leases.clock() >= this.grant.validUntil) await this.lose('renewal failed');
    }
    this.schedule();
  }

  /** Stops the job and gives the lease back so another process can take it at once. */
  async end(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    // The job is told to stop before anything is awaited: the server stops the connectors right after, and a send they cut short must find the outbox already stopping.
    const stopping = this.stopJob();
    await this.ticking.catch(() => undefined);
    await stopping;
    await this.stopJob();
    const grant = this.grant;
    this.grant = undefined;
    if (grant) await this.leases.release(grant).catch((error: unknown) => logger.warn({ err: error, lease: this.name }, 'releasing the lease failed'));
  }

  /** The grant held now, for health. */
  current(): LeaseGrant | undefined {
    return this.held ? this.grant : undefined;
  }

  private startJob(grant: LeaseGrant): void {
    logger.info({ lease: this.name, token: grant.token, holder: this.leases.holder }, 'lease taken');
    this.running = true;
    this.job.start(this.fence, grant);
  }

  private async lose(why: string): Promise<void> {
    if (!this.grant) return;
    logger.warn({ lease: this.name, token: this.grant.token, why }, 'lease lost; stopping its work');
    this.grant = undefined;
    await this.stopJob();
  }

  private async stopJob(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.job.stop();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => (this.ticking = this.tick()), this.pollMs);
    this.timer.unref();
  }
}
