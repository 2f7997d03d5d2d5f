import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moving around the app with the keyboard only. Reading the DOM (which element has focus,
 * which option is selected) is fine; every change goes through page.keyboard.
 */
export class Keyboard {
  constructor(readonly page: Page) {}

  /** A short description of whatever has focus now, for failure messages. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '(nothing: body)';
      const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.slice(0, 40) ?? '';
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${name}`.trim();
    });
  }

  /** Presses Tab (or Shift+Tab when the target comes earlier) until `target` has focus. */
  async tabTo(target: Locator, max = 120): Promise<void> {
    await expect(target).toBeVisible();
    for (let i = 0; i <= max; i++) {
      const where = await target.evaluate((el) => {
        const active = document.activeElement;
        if (active === el) return 'here';
        if (!active || active === document.body) return 'after';
        return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      });
      if (where === 'here') return;
      if (i === max) break;
      await this.page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab');
    }
    throw new Error(`Tab/Shift+Tab did not reach ${target} in ${max} presses; focus is on ${await this.focused()}`);
  }

  /** Tabs to a button and presses Enter. */
  async press(button: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await this.tabTo(button);
    await this.page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
  }

  /** Tabs to a text field and types into it (clearing it first with Ctrl+A, Backspace). */
  async type(field: Locator, text: string): Promise<void> {
    await this.tabTo(field);
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
    await expect(field).toHaveValue(text);
  }

  /** Tabs to a closed <select> and moves to the option with this label using the arrow keys. */
  async choose(select: Locator, label: string): Promise<void> {
    await this.tabTo(select);
    const { current, wanted, labels } = await select.evaluate(
      (el, want) => {
        const s = el as HTMLSelectElement;
        const options = [...s.options];
        return { current: s.selectedIndex, wanted: options.findIndex((o) => o.label === want || o.value === want), labels: options.map((o) => o.label) };
      },
      label,
    );
    if (wanted < 0) throw new Error(`No option "${label}" in ${select}: ${labels.join(' | ')}`);
    for (let i = 0; i < Math.abs(wanted - current); i++) await this.page.keyboard.press(wanted > current ? 'ArrowDown' : 'ArrowUp');
    await expect.poll(() => select.evaluate((el) => (el as HTMLSelectElement).selectedIndex), { message: `${select} moved to "${label}"` }).toBe(wanted);
  }

  /** Tabs into a radio group (onto its checked radio) and arrows to `target`. */
  async chooseRadio(checked: Locator, target: Locator, steps: number): Promise<void> {
    await this.tabTo(checked);
    for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await expect(target).toBeChecked();
    await expect(target).toBeFocused();
  }

  /** Tabs to a checkbox and toggles it on with Space. */
  async check(box: Locator): Promise<void> {
    await this.tabTo(box);
    if (!(await box.isChecked())) await this.page.keyboard.press(' ');
    await expect(box).toBeChecked();
  }
}

/** Asserts the focused element shows a focus indicator (an outline or a box-shadow ring). */
export async function expectFocusVisible(control: Locator, what: string): Promise<void> {
  await expect(control, `${what} has focus`).toBeFocused();
  const style = await control.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow, focusVisible: el.matches(':focus-visible') };
  });
  const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
  expect(style.focusVisible, `${what} matches :focus-visible after keyboard focus`).toBe(true);
  expect(outline || ring, `${what} shows a focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`).toBe(true);
}
