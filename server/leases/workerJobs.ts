import type { LeaseDocument } from '../store/index.js';
import { LeasedWork, type Fence, type LeasedJob } from './leasedWork.js';
import type { Leases } from './leases.js';

/** A lease as GET /api/health shows it to admins. */
export interface LeaseView {
  name: string;
  holder: string;
  token: number;
  expiresAt: string;
  /** Held by the process that answers. */
  heldHere: boolean;
}

/** The worker's jobs, each under its own lease when several processes share the database, or simply running when this is the only process. */
export interface WorkerJobs {
  /** The fence of a job (checkpoint writes and sends check it). */
  fenceOf(name: string): Fence;
  /** Starts them (or starts competing for their leases). */
  begin(): void;
  /** Every lease as stored, for admins (empty without leases). */
  leases(): Promise<LeaseView[]>;
  /** Stops them and gives their leases back. */
  end(): Promise<void>;
}

/** Runs each job under a lease when `leases` is given; otherwise runs them all here (one process: nothing to share). */
export function workerJobs(jobs: ReadonlyMap<string, LeasedJob>, leases: Leases | undefined): WorkerJobs {
  if (!leases) return unleased(jobs);
  const works = new Map([...jobs].map(([name, job]) => [name, new LeasedWork(leases, name, job)]));
  return {
    fenceOf: (name) => works.get(name)!.fence,
    begin: () => works.forEach((work) => work.begin()),
    leases: async () => (await leases.list()).map((lease) => view(lease, works.get(lease._id)?.current()?.token === lease.token && lease.holder === leases.holder)),
    end: async () => {
      await Promise.all([...works.values()].map((work) => work.end()));
    },
  };
}

function unleased(jobs: ReadonlyMap<string, LeasedJob>): WorkerJobs {
  const fences = new Map([...jobs.keys()].map((name): [string, Fence] => [name, { lease: name, token: () => 0, heldLocally: () => true, assertHeld: async () => undefined }]));
  let started = false;
  return {
    fenceOf: (name) => fences.get(name)!,
    begin: () => {
      started = true;
      for (const [name, job] of jobs) job.start(fences.get(name)!);
    },
    leases: async () => [],
    end: async () => {
      if (started) await Promise.all([...jobs.values()].map((job) => job.stop()));
      started = false;
    },
  };
}

function view(lease: LeaseDocument, heldHere: boolean): LeaseView {
  return { name: lease._id, holder: lease.holder, token: lease.token, expiresAt: lease.expiresAt.toISOString(), heldHere };
}
