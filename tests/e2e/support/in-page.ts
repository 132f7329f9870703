import type { Locator, Page } from 'playwright-core';

/*
 * Code that runs inside the page. The test project is type-checked without the DOM library
 * (so nothing in src-main can lean on it by accident); in-page scripts are therefore strings,
 * and elements are described by the few members used.
 */

/** Every text the progress counter ever shows, caught even if it is on screen for one frame. */
export async function recordProgressTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const files = document.querySelector('[data-testid="progress-files"]');
      if (files && files.textContent) window.progressSeen.push(files.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return async () => (await page.evaluate('window.progressSeen')) as string[];
}

interface PlayableVideo {
  muted: boolean;
  readyState: number;
  currentTime: number;
  videoWidth: number;
  error: { code: number; message: string } | null;
  play(): Promise<void>;
}

/** Plays muted (allowed without a user gesture) and waits for decoded frames and a moving clock. */
export async function playUntilFramesShow(video: Locator): Promise<{ videoWidth: number; error: unknown }> {
  return video.evaluate(async (element: PlayableVideo) => {
    element.muted = true;
    await element.play();
    const deadline = Date.now() + 15_000;
    while (!(element.readyState >= 2 && element.currentTime > 0)) {
      if (element.error || Date.now() > deadline) {
        throw new Error(`did not play: readyState ${element.readyState}, error ${element.error?.message ?? 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { videoWidth: element.videoWidth, error: element.error };
  });
}

/**
 * Runs a station command from inside the page, as the page itself does: with the start token it
 * keeps in this tab's sessionStorage, in the header, and the session cookie of whoever signed in
 * there (the browser adds it to a same-origin fetch).
 */
export async function commandInPage(page: Page, name: string, input: unknown = {}): Promise<unknown> {
  return page.evaluate(`fetch('/api/command/' + ${JSON.stringify(name)}, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-station-token': sessionStorage.getItem('station.token') ?? '' },
    body: ${JSON.stringify(JSON.stringify(input))},
  }).then((response) => response.json())`);
}

/** A station command's value, through the page's own session; a refusal fails the test with the station's words. */
export async function commandValue<T>(page: Page, name: string, input: unknown = {}): Promise<T> {
  const result = (await commandInPage(page, name, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
