import type { Browser, Page } from 'playwright-core';

/** Fills the sign-in screen `page` shows and waits for the station's shell. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  const screen = page.getByTestId('sign-in-screen');
  await screen.getByTestId('sign-in-login').fill(login);
  await screen.getByTestId('sign-in-password').fill(password);
  await screen.getByTestId('sign-in-submit').click();
  await page.getByTestId('station-name').waitFor();
}

/** A new page at the station's `url`, signed in as `login`. */
export async function signedInPage(browser: Browser, url: string, login: string, password: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await signIn(page, login, password);
  return page;
}
