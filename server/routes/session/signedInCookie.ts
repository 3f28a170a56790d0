/**
 * The name of the cookie the page can read that says a session cookie was
 * set (value `1`, no secret). Import-free: the client reads the same name.
 */
export const SIGNED_IN_COOKIE = 'care_signed_in';
