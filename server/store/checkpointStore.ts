import type { CheckpointStore, StreamCheckpoint } from '../connectors/connector.js';
import type { StoreCollections } from './collections.js';

/** Connectors' checkpoints kept in the store (one document per connector stream, upserted). */
export function storedCheckpoints(checkpoints: StoreCollections['checkpoints']): CheckpointStore {
  return {
    async load(connector, stream) {
      const document = await checkpoints.findOne({ connector, stream });
      if (!document) return null;
      const checkpoint: StreamCheckpoint = {};
      if (document.newestId) checkpoint.newestId = document.newestId;
      if (document.run) {
        const { sinceId, newestId, nextToken } = document.run;
        checkpoint.run = { nextToken, ...(sinceId ? { sinceId } : {}), ...(newestId ? { newestId } : {}) };
      }
      return checkpoint;
    },
    async save(connector, stream, checkpoint) {
      await checkpoints.upsertOne({ connector, stream }, { $set: { newestId: checkpoint.newestId ?? null, run: checkpoint.run ?? null } });
    },
  };
}
