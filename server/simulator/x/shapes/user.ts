/** Presents an account as an X API v2 User object, with only the fields the request asked for. */
import type { SimUser } from '../model.js';

/** X's User object for `user`; id, name and username are always present, as on X. */
export function presentUser(user: SimUser, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  if (fields.has('created_at')) out.created_at = new Date(user.createdAt).toISOString();
  if (fields.has('description')) out.description = user.description;
  if (fields.has('location') && user.location) out.location = user.location;
  if (fields.has('protected')) out.protected = false;
  if (fields.has('verified')) out.verified = user.verified;
  if (fields.has('verified_type')) out.verified_type = user.verifiedType ?? (user.verified ? 'blue' : 'none');
  if (fields.has('profile_image_url')) out.profile_image_url = `https://pbs.twimg.com/profile_images/${user.id}/avatar_normal.jpg`;
  if (fields.has('public_metrics')) {
    out.public_metrics = {
      followers_count: user.followersCount,
      following_count: user.followingCount,
      tweet_count: user.tweetCount,
      listed_count: user.listedCount,
    };
  }
  return out;
}
