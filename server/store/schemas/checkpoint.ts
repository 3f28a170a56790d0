import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';

/** An unfinished page run (connector.ts `StreamCheckpoint.run`). */
const pageRun = subdocument({
  sinceId: String,
  newestId: String,
  nextToken: { type: String, required: true, minlength: 1 },
});

/** Where a connector's stream resumes after a restart; saved only after the messages before it are stored. */
export const checkpointSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      connector: { type: String, required: true, minlength: 1 },
      stream: { type: String, required: true, minlength: 1 },
      newestId: { type: String, default: null },
      run: { type: pageRun, default: null },
      /** Fencing token of the lease its last writer held (server/leases/): a writer with an older token is refused. */
      fence: { type: Number, default: null },
      updatedAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// CheckpointStore.load/save: the one checkpoint of a connector's stream (saves upsert on it).
checkpointSchema.index({ connector: 1, stream: 1 }, { unique: true });

/** A stored checkpoint. */
export type CheckpointDocument = StoredDocument<typeof checkpointSchema>;
/** A checkpoint to insert. */
export type NewCheckpointDocument = NewDocument<typeof checkpointSchema>;
