/** Logs a user in (POST /api/session) and returns the session cookie (`name=value`) a socket or request sends. */
export async function sessionCookie(url: string, username: string, password = 'demo'): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = response.headers.get('set-cookie');
  await response.arrayBuffer();
  if (response.status !== 200 || !cookie) throw new Error(`login of ${username} failed: ${response.status}`);
  return cookie.split(';')[0]!;
}
