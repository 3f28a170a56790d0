import { Types } from 'mongoose';

/**
 * A new document id: an ObjectId's 24 hex digits, kept as a string so that
 * both backends (and mingo, which knows nothing of ObjectId) compare, sort and
 * serialize ids the same way. Ids sort roughly by creation time.
 */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}
