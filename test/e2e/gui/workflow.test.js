// GUI end-to-end test: a person's session with a report that has a wrong total, in the real VS Code workbench
// (code-server) in headless Chromium. Each step saves a screenshot into test/e2e/artifacts/.
// Run through test/e2e/run.sh (it starts code-server and sets XXGK_E2E_URL, XXGK_E2E_WS_GUI, XXGK_E2E_ARTIFACTS).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { launch, workbenchUrl } = require('../driver/browser');
const { Workbench, T } = require('../driver/workbench');
const { commandTitle, languageName } = require('./manifest');

const WS = process.env.XXGK_E2E_WS_GUI;
const ARTIFACTS = process.env.XXGK_E2E_ARTIFACTS || path.resolve(__dirname, '../artifacts');
const FILE = 'wrong-total.xxgk.yaml';
const EXPORT_TO = path.join(WS || '/tmp', 'exported-report.html');
const APPEAL = '复议诉讼/行政复议'; // the row of the wrong total, as data-cell paths in the rendered report
const ROW = '  行政复议: {';

let browser;
let wb;
let opened = false; // later steps need the report open
const fixtureLines = WS ? fs.readFileSync(path.join(WS, FILE), 'utf8').split('\n') : [];
const rowLine = fixtureLines.findIndex((l) => l.startsWith(ROW)); // 0-based

before(async () => {
  assert.ok(WS, 'XXGK_E2E_WS_GUI is set (run through test/e2e/run.sh)');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const log = path.join(ARTIFACTS, 'browser-console-errors.log');
  page.on('console', (m) => { if (m.type() === 'error') fs.appendFileSync(log, `${m.text()}\n`); });
  wb = new Workbench(page, ARTIFACTS);
});

after(async () => {
  if (wb) await wb.shot('99-final').catch(() => {});
  if (browser) await browser.close();
});

function needsReport(t) {
  if (!opened) { t.skip('the report did not open'); return true; }
  return false;
}

test('quick open shows the report with the xxgk-report language', async () => {
  await wb.load(workbenchUrl(WS), FILE);
  await wb.quickOpen(FILE);
  await wb.page.locator('#status\\.editor\\.mode', { hasText: languageName('xxgk-report') }).waitFor({ timeout: T });
  opened = true;
  await wb.shot('01-opened');
});

test('the wrong total has an error squiggle and a Problems entry; clicking it reveals the total', async (t) => {
  if (needsReport(t)) return;
  const page = wb.page;
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'appeal-total' }).first();
  await row.waitFor({ timeout: T });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /行政复议/, text);
  assert.match(text, /\b3\b/, text);
  // Click the start of the message, not the row's centre: where the centre falls depends on the
  // fonts (without CJK glyphs it lands on the rule-code link, which opens the link instead).
  const message = row.locator('.marker-message').first();
  await ((await message.count()) > 0 ? message : row).click({ position: { x: 6, y: 6 } });
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
  assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 1, 'one error: the wrong total');
  await wb.shot('02-squiggle-and-problems');
});

test('hovering the total shows its breakdown: ✗, written 3, computed 2', async (t) => {
  if (needsReport(t)) return;
  const page = wb.page;
  const hover = await wb.hover(page.locator('.monaco-editor .squiggly-error').first(), '✗');
  const text = await hover.innerText();
  assert.match(text, /(填写|written) 3/, text);
  assert.match(text, /(计算|computed) 2/, text);
  assert.match(text, /结果维持 1/, text);
  await page.waitForTimeout(300); // the hover fades in: let the picture show it whole
  await wb.shot('03-hover');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

test('the quick fix from Ctrl+. sets the total to 2 and the squiggle goes away', async (t) => {
  if (needsReport(t)) return;
  const page = wb.page;
  const { box } = await wb.center(page.locator('.monaco-editor .squiggly-error').first());
  await page.mouse.click(box.x + 1, box.y + box.height / 2); // cursor just before the 3
  await page.keyboard.press('Control+.');
  await wb.chooseCodeAction(/Change the total to 2|将总计改为 2/, () => wb.shot('04-quick-fix-menu'));
  await wb.until('the total to read 2 in the editor', async () => (await wb.editorLine(ROW))?.includes('总计: 2}') === true);
  await wb.until('the error squiggle to go away', async () => (await page.locator('.monaco-editor .squiggly-error').count()) === 0);
  assert.equal(await wb.editorLine(ROW), fixtureLines[rowLine].replace('总计: 3}', '总计: 2}'));
  await wb.shot('05-fixed');
});

let preview; // the frame holding the rendered report
/** A cell of the 行政复议 row in the preview's current frame. */
async function previewCell(column) {
  const selector = `td[data-cell="${APPEAL}/${column}"]`;
  return (await wb.frameWith(selector, 2000)).locator(selector);
}
let unresolved = '1'; // 行政复议·尚未审结 as the editor holds it (the edit step makes it 5)

test('the preview opens beside the editor and shows the report table', async (t) => {
  if (needsReport(t)) return;
  await wb.runCommand(commandTitle('xxgk.preview.openToSide'));
  preview = await wb.frameWith(`td[data-cell="${APPEAL}/总计"]`);
  await wb.until('the preview to show the fixed total 2', async () => (await (await previewCell('总计')).innerText({ timeout: 1000 })).trim() === '2');
  preview = await wb.frameWith(`td[data-cell="${APPEAL}/总计"]`);
  const table = await preview.locator('table', { has: preview.locator(`td[data-cell="${APPEAL}/总计"]`) }).innerText();
  assert.match(table, /行政复议/);
  assert.match(table, /结果维持/);
  assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'editor and preview side by side');
  await wb.shot('06-preview-beside-editor');
});

test('editing a number in the editor updates the preview cell', async (t) => {
  if (needsReport(t) || !preview) { t.skip('no preview'); return; }
  const page = wb.page;
  await page.locator('.tab', { hasText: FILE }).first().click();
  const line = fixtureLines[rowLine];
  const column = line.indexOf('尚未审结: ') + '尚未审结: '.length + 1; // 1-based, at the 1
  await wb.goToLine(rowLine + 1, column);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('5');
  await wb.until('the editor to show 尚未审结: 5', async () => (await wb.editorLine(ROW))?.includes('尚未审结: 5,') === true);
  unresolved = '5';
  // The preview may patch its document or replace it (a new frame): find the cell afresh on every poll.
  await wb.until('the preview cell 尚未审结 to read 5', async () => (await (await previewCell('尚未审结')).innerText({ timeout: 1000 })).trim() === '5');
  await wb.until('the preview to mark the total (2 ≠ 6) as wrong', async () => /has-error/.test(await (await previewCell('总计')).getAttribute('class', { timeout: 1000 })));
  // For the screenshot (docs/images/preview.png comes from it): the editor and the preview only, at the changed row.
  await wb.toggle('Control+J', '.part.panel');
  await wb.toggle('Control+B', '.part.sidebar');
  await (await previewCell('总计')).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await wb.page.waitForTimeout(300); // let the scroll settle before the picture
  await wb.shot('07-preview-updated');
});

test('Export HTML writes the page where the save dialog was told', async (t) => {
  if (needsReport(t)) return;
  const page = wb.page;
  await page.locator('.tab', { hasText: FILE }).first().click();
  fs.rmSync(EXPORT_TO, { force: true });
  await wb.runCommand(commandTitle('xxgk.exportHtml'));
  // code-server's save dialog is VS Code's simple file dialog: a quick input holding a path.
  await wb.quickInput().waitFor({ state: 'visible', timeout: T });
  await wb.shot('08-save-dialog');
  await wb.saveAs(EXPORT_TO);
  await wb.until(`${EXPORT_TO} to be written`, async () => fs.existsSync(EXPORT_TO) && fs.statSync(EXPORT_TO).size > 0);
  const html = fs.readFileSync(EXPORT_TO, 'utf8');
  assert.match(html, /<table/);
  assert.match(html, new RegExp(`data-cell="${APPEAL}/尚未审结"[^>]*>${unresolved}<`), 'the export has the editor\'s (unsaved) text');
  await wb.shot('09-exported');
});
