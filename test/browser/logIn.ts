import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo';

/** Opens the app and logs in through the form. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
