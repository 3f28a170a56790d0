/**
 * The store.exclusive key every write of users and teams holds, so "is this
 * the last admin?", "does this team exist?" and "does anyone still use this
 * team?" are answered and acted on with no other such write in between (in
 * this process; see Store.exclusive for several processes on MongoDB).
 */
export const PEOPLE_LOCK = 'people';
