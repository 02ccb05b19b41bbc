/** Signs in through the login page as a person would; the caller waits for where it lands. */
import type { Page } from 'playwright-core'

export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}
