import type { CheckpointStore, StreamCheckpoint } from '../connectors/connector.js';
import { storedCheckpoints, type StoreCollections } from '../store/index.js';
import { LeaseLostError } from './leaseErrors.js';
import type { Fence } from './leasedWork.js';

/**
 * Connector checkpoints written under a stream's lease. A save first checks
 * the lease, then writes only over a checkpoint whose `fence` is not newer
 * than its own token: once a newer holder has saved, an older one is refused
 * by the database itself, even if it still believes it holds the lease.
 */
export function fencedCheckpoints(checkpoints: StoreCollections['checkpoints'], fenceOf: (stream: string) => Fence): CheckpointStore {
  const plain = storedCheckpoints(checkpoints);
  return {
    load: (connector, stream) => plain.load(connector, stream),
    async save(connector, stream, checkpoint) {
      const fence = fenceOf(stream);
      await fence.assertHeld();
      await saveWithToken(checkpoints, connector, stream, checkpoint, fence.token(), fence.lease);
    },
  };
}

/** Writes the checkpoint if no newer token wrote it; throws LeaseLostError otherwise. */
export async function saveWithToken(checkpoints: StoreCollections['checkpoints'], connector: string, stream: string, checkpoint: StreamCheckpoint, token: number, lease: string): Promise<void> {
  const fields = { newestId: checkpoint.newestId ?? null, run: checkpoint.run ?? null, fence: token };
  const notNewer = { connector, stream, $or: [{ fence: null }, { fence: { $lte: token } }] };
  for (let attempt = 0; attempt < 2; attempt++) {
    if ((await checkpoints.updateOne(notNewer, { $set: fields })).matched) return;
    const inserted = await checkpoints.insertOne({ connector, stream, ...fields });
    if (inserted.status === 'inserted') return;
    // Someone inserted it meanwhile: the update decides, once more.
  }
  throw new LeaseLostError(lease, token, `checkpoint ${connector}/${stream} was written under a newer token`);
}
