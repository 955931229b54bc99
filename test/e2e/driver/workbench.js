// The VS Code workbench (1.100 web, in code-server) as a person uses it: quick open, command palette, Problems,
// hovers, the code action menu, go to line, webview frames, and screenshots. Selectors verified on VS Code 1.100.3.
const fs = require('node:fs');
const path = require('node:path');

const T = Number(process.env.XXGK_E2E_WAIT_MS || 20_000); // one wait; every step takes a few seconds at most

class Workbench {
  constructor(page, artifacts) {
    this.page = page;
    this.artifacts = artifacts;
    fs.mkdirSync(artifacts, { recursive: true });
  }

  async shot(name) {
    const file = path.join(this.artifacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async load(url, fileInExplorer) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: T * 3 });
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileInExplorer }).waitFor({ timeout: T * 3 });
  }

  /** The quick input box (quick open, palette, go to line, simple file dialog). Not `.quick-input-widget input`: a hidden checkbox matches first. */
  quickInput() {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  async pickInQuickInput(text, rowText) {
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: T });
    await input.fill(text);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: T });
    await this.page.keyboard.press('Enter');
  }

  async quickOpen(fileName) {
    await this.page.keyboard.press('Control+P');
    await this.pickInQuickInput(fileName, fileName);
    await this.page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: T });
  }

  async runCommand(title) {
    if (await this.quickInput().isVisible()) await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+Shift+P');
    await this.pickInQuickInput(`>${title}`, title);
  }

  /**
   * In the open code action menu (Ctrl+. or the light bulb), selects the action whose label matches and applies it
   * with Enter (a click does not reach it: the context view's pointer block covers the menu). `whenShown` runs once
   * the action is selected (for a screenshot).
   */
  async chooseCodeAction(label, whenShown) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.filter({ hasText: label }).first().waitFor({ timeout: T });
    const wanted = this.page.locator('.action-widget .monaco-list-row.action.focused', { hasText: label });
    for (let i = 0; i < 20 && !(await wanted.count()); i++) await this.page.keyboard.press('ArrowDown');
    if (!(await wanted.count())) throw new Error(`could not select the code action ${label}`);
    if (whenShown) await whenShown();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: T });
  }

  /**
   * Answers VS Code's simple file dialog (code-server's save dialog): types the absolute path and presses Enter.
   * The dialog proposes its default path a moment after it shows, and may put it back after we typed (its folder
   * listing ends late); it checks a typed path asynchronously (a progress bar shows meanwhile), and Enter before
   * that check ends accepts the path it held before. So: type, wait until the dialog is idle holding our path, press
   * Enter; whenever the dialog holds something else or stays open, type again, until the deadline.
   */
  async saveAs(file) {
    const input = this.quickInput();
    // The quick input may still hold the command palette's text for a moment: a path starts with / (or a drive).
    await this.until('the dialog to propose a path', async () => /^(\/|[A-Za-z]:[\\/])/.test(await input.inputValue()));
    const busy = this.page.locator('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active');
    // True once the input has held `file` with no progress showing on two polls 300 ms apart; false if it shows
    // anything else (the dialog replaced our text) or stays busy for 5 s.
    const settled = async () => {
      let idleSince = 0;
      for (const end = Date.now() + 5000; Date.now() < end; await this.page.waitForTimeout(100)) {
        if ((await input.inputValue()) !== file) return false;
        if ((await busy.count()) > 0) { idleSince = 0; continue; }
        if (!idleSince) idleSince = Date.now();
        else if (Date.now() - idleSince >= 300) return true;
      }
      return false;
    };
    const seen = new Set();
    for (const end = Date.now() + 2 * T; Date.now() < end;) {
      await input.fill(file);
      if (!(await settled())) { seen.add(`held ${JSON.stringify(await input.inputValue().catch(() => '(gone)'))}`); continue; }
      await this.page.keyboard.press('Enter');
      try {
        await input.waitFor({ state: 'hidden', timeout: 5000 });
        return;
      } catch {
        seen.add(`still open after Enter, holding ${JSON.stringify(await input.inputValue().catch(() => '(gone)'))}`);
      }
    }
    throw new Error(`the save dialog did not accept ${file}: ${[...seen].join('; ')}`);
  }

  /** Hides a visible workbench part (`.part.panel`, `.part.sidebar`) with its toggle key. */
  async toggle(key, part) {
    const el = this.page.locator(part).first();
    if (!(await el.isVisible())) return;
    await this.page.keyboard.press(key);
    await el.waitFor({ state: 'hidden', timeout: T });
  }

  /** Ctrl+G, then `line:column` (1-based). */
  async goToLine(line, column) {
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout: T });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: T });
  }

  /** The rendered text of the editor line that starts with `prefix` (spaces normalised), or undefined if not shown. */
  async editorLine(prefix) {
    const lines = await this.page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
    return lines.map((l) => l.replace(/\u00a0/g, ' ')).find((l) => l.startsWith(prefix));
  }

  async center(locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
  }

  /**
   * Moves the mouse onto `target` (e.g. a squiggle) until a hover widget containing `text` shows; returns it.
   * Moves away and back between tries: the editor shows a hover only after a mouse move that settles.
   */
  async hover(target, text) {
    const widget = this.page.locator('.monaco-hover:visible', { hasText: text }).first();
    const end = Date.now() + T;
    for (;;) {
      const { x, y } = await this.center(target);
      await this.page.mouse.move(x - 40, y + 30);
      await this.page.mouse.move(x, y, { steps: 4 });
      try {
        await widget.waitFor({ timeout: 3000 });
        return widget;
      } catch (e) {
        if (Date.now() > end) throw e;
      }
    }
  }

  /**
   * The frame (at any depth: a webview is iframe.webview > iframe#active-frame) whose document has `selector`.
   * Polls, because the webview loads after its tab opens.
   */
  async frameWith(selector, timeout = T) {
    const end = Date.now() + timeout;
    for (;;) {
      for (const f of this.page.frames()) {
        if (f.isDetached()) continue;
        if (await f.locator(selector).count().catch(() => 0)) return f;
      }
      if (Date.now() > end) throw new Error(`no frame has ${selector} after ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Polls `fn` until it returns true; the error names what was awaited and the last value. */
  async until(what, fn, timeout = T) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await fn().catch((e) => e);
      if (last === true) return;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
      await this.page.waitForTimeout(100);
    }
  }
}

module.exports = { Workbench, T };
