// A phone: 375 × 667 CSS px at device scale 2, touch only, in Chromium's mobile
// emulation. Every view fits its width, every target is big enough for a finger, and
// each widget answers taps and drags.
import { test, expect, openView, VIEWS } from '../fixtures.mjs';
import { bank, shown, answer } from '../quiz.mjs';

test.use({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });

/** WCAG 2.5.8, Target Size (Minimum): 24 × 24 CSS px. */
const MIN_TARGET = 24;

/**
 * Every visible target of the page that breaks WCAG 2.5.8: smaller than 24 × 24 px,
 * not a link inside a sentence, and with a 24 px circle on its centre that meets
 * another target or another small target's circle (the spacing exception).
 */
function smallTargets(min) {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="tab"], [role="button"], [tabindex]:not([tabindex="-1"])';
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && box.width > 0 && box.height > 0 && !el.closest('[inert], [hidden]');
  };
  // A native control drawn invisible over its label (a segmented option) is the label's
  // size to a finger: the label is the target.
  const targetBox = (el) => {
    const label = el.matches('input') && getComputedStyle(el).opacity === '0' ? el.closest('label') : null;
    return (label ?? el).getBoundingClientRect();
  };
  const inSentence = (el) => {
    if (!el.matches('a') || getComputedStyle(el).display !== 'inline') return false;
    const text = el.parentElement.textContent.replace(el.textContent, '').trim();
    return text.length > 0;
  };
  const targets = [...document.querySelectorAll(selector)].filter(visible).map((el) => ({ el, box: targetBox(el) }));
  const small = targets.filter(({ el, box }) => (box.width < min || box.height < min) && !inSentence(el));
  const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  const circleMeetsBox = (c, box) => {
    const dx = Math.max(box.x - c.x, 0, c.x - (box.x + box.width));
    const dy = Math.max(box.y - c.y, 0, c.y - (box.y + box.height));
    return dx * dx + dy * dy < (min / 2) ** 2;
  };
  return small
    .filter(({ el, box }) => {
      const c = centre(box);
      const meetsTarget = targets.some((other) => other.el !== el && !other.el.contains(el) && !el.contains(other.el) && circleMeetsBox(c, other.box));
      const meetsCircle = small.some((other) => {
        if (other.el === el) return false;
        const o = centre(other.box);
        return Math.hypot(o.x - c.x, o.y - c.y) < min;
      });
      return meetsTarget || meetsCircle;
    })
    .map(({ el, box }) => `${el.outerHTML.slice(0, 90)} (${Math.round(box.width)}×${Math.round(box.height)})`);
}

for (const view of VIEWS) {
  test(`on a phone, the ${view.id} view fits its width and every target is at least 24 px`, async ({ page }) => {
    await openView(page, view.id);
    await expect(page.locator('h1')).toHaveText(view.title);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, 'nothing scrolls sideways').toBe(0);
    expect(await page.evaluate(smallTargets, MIN_TARGET)).toEqual([]);
  });
}

test('on a phone, the SLO slider follows a finger dragged along it', async ({ page }) => {
  await openView(page, 'sre/error-budget');
  const slider = page.locator('#budget-slo-range');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const at = (share) => ({ x: box.x + box.width * share, y });
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [at(0.6)]);
  for (let step = 1; step <= 10; step++) await touch('touchMove', [at(0.6 + step * 0.03)]);
  await touch('touchEnd', []);
  const dragged = await page.locator('#budget-slo-text').inputValue();
  expect(dragged).not.toBe('99.9');
  await expect(page.locator('.budget-slo-value')).toHaveText(`${dragged}%`);
  await expect(slider).toHaveAttribute('aria-valuetext', `${dragged} percent`);
});

test('on a phone, a tap picks a CALMS pillar and answers the path finder', async ({ page }) => {
  await openView(page, 'devops');
  await page.locator('.calms [role="tab"][aria-label="L Lean"] text').tap();
  await expect(page.locator('.calms [role="tab"][aria-selected="true"]')).toHaveAttribute('aria-label', 'L Lean');
  await expect(page.locator('#calms-panel')).toContainText('small steps, fast runs');

  await openView(page, 'career');
  for (const label of ['Yes', 'Yes', 'No', 'Yes']) {
    await page.locator('.career-answer', { hasText: new RegExp(`^${label}$`) }).tap();
  }
  await expect(page.locator('.career-result [tabindex="-1"]')).toHaveText('Your path: SRE');
});

test('on a phone, a quiz is finished with taps alone', async ({ page }) => {
  await openView(page, 'quiz');
  await page.locator('.quiz').getByRole('link', { name: 'DevSecOps', exact: true }).tap();
  const questions = await bank(page);
  for (let n = 1; n <= 10; n++) {
    await expect(page.locator('.quiz-count')).toHaveText(`Question ${n} of 10`);
    expect(await page.evaluate(smallTargets, MIN_TARGET), `targets of question ${n}`).toEqual([]);
    await answer(page, await shown(page, questions), true, { tap: true });
    await expect(page.locator('.quiz-verdict')).toHaveText('Right.');
    expect(await page.evaluate(smallTargets, MIN_TARGET), `targets of the feedback on question ${n}`).toEqual([]);
    await page.getByRole('button', { name: /Next question|See results/ }).tap();
  }
  await expect(page.locator('.quiz-score-list li').first()).toHaveText('DevSecOps: 100%');
});
