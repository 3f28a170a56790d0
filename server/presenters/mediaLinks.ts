/*
 * Customers' attachments as the inbox may show them. Import-free: the
 * server's content security policy (img-src) and the presenter both read
 * THUMBNAIL_HOSTS, so the images the browser may load are exactly those the
 * presenter offers as thumbnails.
 */

/** The only hosts whose images the inbox loads by itself (X's media server); anything else is a link the agent must click. */
export const THUMBNAIL_HOSTS: readonly string[] = ['pbs.twimg.com'];

/** One attachment of a customer's message, checked: links only http(s), thumbnails only https on THUMBNAIL_HOSTS. */
export interface PresentedMedia {
  /** As the connector or integration named it: `photo`, `video`, `animated_gif`, …; `unknown` when absent. */
  type: string;
  /** The attachment itself, an http(s) address; null when there is none or it was not http(s). */
  url: string | null;
  /** A small image to show in the conversation (https, on THUMBNAIL_HOSTS), or null. */
  thumbnailUrl: string | null;
  /** The customer's description of the image, when given. */
  altText: string | null;
}

const IMAGE_TYPES = new Set(['photo', 'image', 'animated_gif']);

/**
 * The attachments of routing.md §1 (`[{type, …}]`; an integration may add
 * `url`, `previewUrl` and `altText`, or X's `preview_image_url` and
 * `alt_text`) as PresentedMedia. Whatever else they hold is left out.
 */
export function presentMedia(attachments: unknown): PresentedMedia[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null).map((item) => {
    const type = typeof item.type === 'string' && item.type.trim() !== '' ? item.type.trim().slice(0, 40) : 'unknown';
    const url = webAddress(item.url);
    const preview = webAddress(item.previewUrl ?? item.preview_image_url) ?? (IMAGE_TYPES.has(type) ? url : null);
    const alt = item.altText ?? item.alt_text;
    return { type, url, thumbnailUrl: preview && isThumbnailHost(preview) ? preview : null, altText: typeof alt === 'string' && alt.trim() !== '' ? alt.slice(0, 1000) : null };
  });
}

/** An http(s) address without credentials, normalised; null for anything else (javascript:, data:, relative, malformed). */
export function webAddress(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null; // not an absolute address: nothing to link to
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) return null;
  return parsed.href;
}

function isThumbnailHost(address: string): boolean {
  const parsed = new URL(address);
  return parsed.protocol === 'https:' && THUMBNAIL_HOSTS.includes(parsed.hostname);
}
