/** Signs in through the login page as a person would. */
import type { Page } from 'playwright-core'

/** Fills and sends the login form; the caller waits for where it lands. */
export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

/** Opens the wall at `baseUrl`, signs in on the login page it sends to, and waits for the drawn map. */
export async function signInToWall(page: Page, baseUrl: string, username = 'wall'): Promise<void> {
  await page.goto(`${baseUrl}/wall`)
  await page.waitForURL(/\/login/)
  await signIn(page, username)
  await page.waitForURL(/\/wall/)
  await page.locator('[data-testid="wall-map"][data-map-ready="true"]').waitFor({ timeout: 60_000 })
}
