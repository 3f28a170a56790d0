/** Presents a photo as an X API v2 Media object. */
import type { SimMedia } from '../model.js';

/** X's Media object; media_key and type are always present, as on X. */
export function presentMedia(media: SimMedia, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { media_key: media.mediaKey, type: 'photo' };
  if (fields.has('url')) out.url = media.url;
  if (fields.has('width')) out.width = media.width;
  if (fields.has('height')) out.height = media.height;
  return out;
}
