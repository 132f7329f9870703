import type { Page } from 'playwright-core';

/*
 * What does not fit at 1366×768, measured inside the page (a string: the test project is
 * type-checked without the DOM library, see in-page.ts). Each finding is one readable line.
 */
const findMisfits = `(() => {
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  // Text boxes that do not overlap vertically sit on different lines (a smaller arrow beside a label does overlap).
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
    let count = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= bottom - 1) count += 1;
      bottom = box.top >= bottom - 1 ? box.bottom : Math.max(bottom, box.bottom);
    }
    return count;
  };
  if (document.documentElement.scrollWidth > window.innerWidth) {
    found.push('page ' + document.documentElement.scrollWidth + 'px wide in ' + window.innerWidth + 'px');
  }
  // A list that scrolls sideways hides columns (the recordings list is a scrolling grid, not a table).
  for (const el of document.querySelectorAll('.virtual-viewport')) {
    if (el.scrollWidth > el.clientWidth + 1) found.push('list scrolls sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  // Spilling out: allowed only as an ellipsis that carries the whole text in a tooltip.
  for (const el of document.querySelectorAll('th, td, [role="cell"], [role="columnheader"], .total, dt, dd, button')) {
    const style = getComputedStyle(el);
    const deliberate = style.textOverflow === 'ellipsis' && el.hasAttribute('title');
    if (el.scrollWidth > el.clientWidth + 1 && !deliberate) found.push('spills: ' + name(el) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  for (const el of document.querySelectorAll('thead th, [role="columnheader"]')) {
    if (lines(el) > 1) found.push('header wraps: ' + name(el));
  }
  // Numbers, sizes and times are read at a glance: "1.71 / MB" is a defect.
  for (const el of document.querySelectorAll('td.num, [role="cell"].num')) {
    if (lines(el) > 1) found.push('number wraps: ' + name(el));
  }
  // A path may break after a separator, never inside a folder or file name.
  for (const el of document.querySelectorAll('.path-part')) {
    if (lines(el) > 1) found.push('name broken: ' + name(el));
  }
  // A column nobody fills takes the width the names need.
  for (const table of document.querySelectorAll('table')) {
    const headers = [...table.querySelectorAll('thead th')];
    const rows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => row.cells.length === headers.length);
    headers.forEach((th, index) => {
      if (rows.length > 0 && rows.every((row) => (row.cells[index].textContent || '').trim() === '')) found.push('empty column: ' + name(th));
    });
  }
  // The figures of the totals cards stand on one line, whatever their labels' length.
  const figures = [...document.querySelectorAll('.total dd')];
  const byRow = new Map();
  for (const dd of figures) {
    const top = Math.round(dd.closest('.total').getBoundingClientRect().top);
    byRow.set(top, [...(byRow.get(top) || []), Math.round(dd.getBoundingClientRect().top)]);
  }
  for (const tops of byRow.values()) if (new Set(tops).size > 1) found.push('totals out of line: ' + tops.join(', '));
  // Debian has no colour emoji font: a pictograph shows as an empty box.
  const emoji = /\\p{Emoji_Presentation}/u.exec(document.body.innerText);
  if (emoji) found.push('emoji in the page: ' + emoji[0]);
  // The calibration clock's figures keep clear of the screen's edge: a recorder filming it crops
  // the edges first, and the QR code beside them keeps a wide margin too.
  const hms = document.querySelector('[data-testid="calibration-time"]');
  if (hms) {
    const range = document.createRange();
    range.selectNodeContents(hms);
    const margin = window.innerWidth - Math.max(...[...range.getClientRects()].map((r) => r.right));
    if (margin < 64) found.push('clock figures end ' + Math.round(margin) + 'px from the edge');
  }
  return found;
})()`;

export async function misfits(page: Page): Promise<string[]> {
  return (await page.evaluate(findMisfits)) as string[];
}
