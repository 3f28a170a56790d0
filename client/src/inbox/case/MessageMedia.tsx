import type { PresentedMedia } from '../../../../server/presenters/mediaLinks.js';
import { Bdi } from '../../ui/Bdi.js';

const TYPE_WORDS: Record<string, string> = { photo: 'Photo', image: 'Image', video: 'Video', animated_gif: 'GIF', unknown: 'Attachment' };

/**
 * A customer's attachments under their message: a thumbnail where the server
 * offers one (https on X's media host; the page's img-src allows no other),
 * otherwise a link that opens only on the agent's click. Neither sends a
 * Referer, so the customer's host never learns the inbox's address; the
 * addresses were checked to be http(s) by the server and are checked again
 * here.
 */
export function MessageMedia({ media }: { media: readonly PresentedMedia[] | undefined }) {
  if (!media || media.length === 0) return null;
  return (
    <ul className="media" aria-label="Attachments">
      {media.map((item, index) => {
        const word = TYPE_WORDS[item.type] ?? item.type;
        const url = isWeb(item.url) ? item.url : null;
        const thumbnail = isWeb(item.thumbnailUrl) ? item.thumbnailUrl : null;
        const label = item.altText ? <>{word}: <Bdi>{item.altText}</Bdi></> : word;
        return (
          <li key={index}>
            {thumbnail ? (
              <a href={url ?? thumbnail} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
                <img src={thumbnail} alt={item.altText ? `${word}: ${item.altText}` : `${word} from the customer`} referrerPolicy="no-referrer" loading="lazy" className="media-thumbnail" />
              </a>
            ) : url ? (
              <a href={url} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">{label} ({hostOf(url)}, opens in a new tab)</a>
            ) : (
              <span className="muted">{label} (no address to show)</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function isWeb(address: string | null): address is string {
  if (!address) return false;
  try {
    const { protocol } = new URL(address);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false; // not an address: shown as text, never linked
  }
}

function hostOf(address: string): string {
  return new URL(address).hostname;
}
