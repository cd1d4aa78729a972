// What a reader does, written once over WebDriver so that every engine runs the same
// steps: open a place, wait for what they would see, click, type and press keys.
import { By, Key } from 'selenium-webdriver';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { linkTo } from '../places.mjs';
import { AXE_TAGS } from '../axe-tags.mjs';

export { Key };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');


const WAIT = 15_000;

export class Reader {
  constructor(driver, engine, origin) {
    Object.assign(this, { driver, engine, origin });
  }

  /** Opens a place (`sre/toil`) at its page and waits for the app to have hydrated it. */
  async open(place, origin = this.origin) {
    await this.driver.get(new URL(linkTo(place), origin).href);
    await this.interactive();
  }

  /** Waits until the app on this page says it can be used. */
  async interactive() {
    await this.until(
      () => this.run("return performance.getEntriesByName('ops-trio:interactive').length > 0"),
      'the app to be interactive',
    );
  }

  run(script, ...args) {
    return this.driver.executeScript(script, ...args);
  }

  /** Polls `check` until it gives something truthy, and returns that. */
  until(check, what, timeout = WAIT) {
    return this.driver.wait(async () => {
      try {
        return await check();
      } catch {
        return false;
      }
    }, timeout, `${this.engine}: waited ${timeout} ms for ${what}`);
  }

  /** The first element that matches `css` and, if given, whose text matches `text`. */
  async find(css, text) {
    return this.until(async () => {
      const all = await this.driver.findElements(By.css(css));
      for (const element of all) {
        if (text === undefined || matches(await textOf(element), text)) return element;
      }
      return null;
    }, `${css}${text === undefined ? '' : ` with the text ${text}`}`);
  }

  /**
   * The text of `css` once it matches `text` (a string is the whole text, a RegExp a
   * part): its text content with white space collapsed, as Playwright's toHaveText reads.
   */
  async see(css, text) {
    return textOf(await this.find(css, text));
  }

  /** Waits until no element matches `css`. */
  gone(css) {
    return this.until(async () => (await this.driver.findElements(By.css(css))).length === 0, `no ${css}`);
  }

  async click(css, text) {
    const element = await this.find(css, text);
    await this.scrollTo(element);
    try {
      await element.click();
    } catch (error) {
      // geckodriver will not click inside an SVG ("could not be scrolled into view"):
      // a pointer pressed at the element's centre, which is what a reader's click is.
      if (error.name !== 'ElementNotInteractableError') throw error;
      const { x, y } = await this.run(
        'const r = arguments[0].getBoundingClientRect(); return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };',
        element,
      );
      await this.driver.actions().move({ x, y, origin: 'viewport' }).click().perform();
    }
  }

  /** Waits until no animation that ends is running, so that what is read is what stays. */
  settled() {
    return this.until(
      () => this.run(
        "return document.getAnimations().every((a) => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)",
      ),
      'the animations to end',
    );
  }

  scrollTo(element) {
    return this.run("arguments[0].scrollIntoView({ block: 'center' })", element);
  }

  async attribute(css, name) {
    return (await this.find(css)).getAttribute(name);
  }

  /** Waits until `css`'s attribute `name` is `value`. */
  hasAttribute(css, name, value) {
    return this.until(async () => (await this.attribute(css, name)) === value, `${css}[${name}="${value}"]`);
  }

  /** Replaces a field's text as typing would, firing input events. */
  async type(css, text) {
    const field = await this.find(css);
    await this.scrollTo(field);
    await field.clear();
    await field.sendKeys(text);
  }

  /** Presses keys on whatever has focus. */
  press(...keys) {
    return this.driver.actions().sendKeys(...keys).perform();
  }

  /** Tabs forward until the element matching `css` (and `text`) has focus. */
  async tabTo(css, text) {
    const target = await this.find(css, text);
    for (let step = 0; step < 80; step++) {
      if (await this.run('return document.activeElement === arguments[0]', target)) return;
      await this.press(Key.TAB);
    }
    throw new Error(`${this.engine}: Tab never reached ${css}`);
  }

  focusedText() {
    return this.run('return document.activeElement?.textContent ?? ""');
  }

  /** axe-core with every rule that applies; resolves to its violations, summed up. */
  async axe() {
    await this.settled();
    await this.run(AXE_SOURCE);
    const violations = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
         .then((r) => done(r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))))
         .catch((e) => done([{ id: 'axe failed', nodes: [String(e)] }]));`,
      AXE_TAGS,
    );
    return violations;
  }
}

/** An element's text content, white space collapsed. */
const textOf = async (element) => ((await element.getAttribute('textContent')) ?? '').replace(/\s+/g, ' ').trim();

const matches = (actual, expected) =>
  expected instanceof RegExp ? expected.test(actual) : actual.trim() === expected;
