#!/usr/bin/env node
// Takes the README's screenshots in a real VS Code: code-server (see test/host/code-server.mjs) in
// headless Chromium, driven through the keyboard and the command palette with playwright-core.
//
//   node scripts/screenshots.mjs [--out FOLDER] [--only NAME]     (default: docs, all)
//
// Writes vscode-sidebar.png, vscode-review.png, vscode-retro.png, vscode-follow-through.png,
// vscode-your-reviews.png and vscode-reflection-note.png into FOLDER (with --only, just one of them: sidebar,
// review, retro, follow-through, your-reviews or reflection-note). It runs the built extension in dist/ (it
// does not build) on a fresh copy of test/fixtures/workspace, and removes its code-server and temp folders
// when it ends, also on Ctrl-C.
//
// The Your Reviews picture needs weeks of figures. They are seeded where the extension keeps them: its
// global state, which VS Code in the browser holds in IndexedDB (vscode-web-state-db-global, key
// "lead-from-behind.lead-from-behind"), as the record of one more window (see src/core/reflection/store.ts);
// the page is then reloaded so the extension reads them. Nothing in the extension knows about this.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = path.join(projectRoot, 'test', 'fixtures', 'workspace');

const VIEWPORT = { width: 1280, height: 720 };
const REVIEW_COMMENT = 'Can you add a test for the empty list case? The old code broke on it.';
const RETRO_TITLE = 'Sprint 42';

// Only what the pictures need: a light theme, and none of the workbench's extra panels and prompts.
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'window.commandCenter': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.editor.empty.hint': 'hidden',
  'files.autoSave': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
  'editor.occurrencesHighlight': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
};

function parseArgs(argv) {
  let out = 'docs';
  let only;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') {
      if (!argv[i + 1]) throw new Error('--only needs a name');
      only = argv[++i];
    } else if (arg === '--out') {
      if (!argv[i + 1]) throw new Error('--out needs a folder');
      out = argv[++i];
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
    } else if (arg === '-h' || arg === '--help') {
      console.log('Usage: node scripts/screenshots.mjs [--out FOLDER] [--only sidebar|review|retro|follow-through|your-reviews|reflection-note]   (default: docs, all)');
      process.exit(0);
    } else {
      throw new Error(`Unknown argument: ${arg}`);
    }
  }
  return { out: path.resolve(process.cwd(), out), only };
}

/** Another build may be replacing dist/ right now: wait a little for the extension to be there. */
async function waitForBuiltExtension() {
  const main = path.join(projectRoot, 'dist', 'extension.js');
  for (let i = 0; i < 60; i++) {
    if (fs.existsSync(main)) return;
    if (i === 0) console.log('   waiting for dist/extension.js (a build may be running)…');
    await sleep(1000);
  }
  throw new Error(`${main} is missing. Build the extension first (npm run build).`);
}

// ---------------------------------------------------------------------------------------------
// Driving the workbench
// ---------------------------------------------------------------------------------------------

const quickInput = (page) => page.locator('.quick-input-widget');

async function waitForQuickInput(page, visible = true) {
  await quickInput(page).waitFor({ state: visible ? 'visible' : 'hidden', timeout: 15_000 });
}

/** Runs a command through the command palette (F1), by its label, as a person would. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  await waitForQuickInput(page);
  await page.keyboard.type(label);
  // Enter only once the focused row is the command asked for; arrow down to it if the palette ranks
  // another one first (it puts "Compare New Untitled Text Files" above "New Untitled Text File").
  const rows = quickInput(page).locator('.monaco-list-row');
  const focused = quickInput(page).locator('.monaco-list-row.focused');
  const want = label.toLowerCase();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const texts = (await rows.allTextContents().catch(() => [])).map((t) => t.trim().toLowerCase());
    const text = ((await focused.first().textContent({ timeout: 500 }).catch(() => '')) || '').trim().toLowerCase();
    if (text.startsWith(want)) break;
    if (text && texts.some((t) => t.startsWith(want)) && texts.indexOf(text) < texts.findIndex((t) => t.startsWith(want))) {
      await page.keyboard.press('ArrowDown');
    } else if (Date.now() > deadline) {
      throw new Error(`The command palette offers no "${label}" (focused row: "${text}")`);
    }
    await sleep(100);
  }
  await page.keyboard.press('Enter');
}

/** Runs a command and waits for the palette to close (commands that open no quick input of their own). */
async function runCommandAndClose(page, label) {
  await runCommand(page, label);
  await waitForQuickInput(page, false);
}

async function closeSecondarySideBar(page) {
  if (await page.locator('.part.auxiliarybar').isVisible().catch(() => false)) {
    await runCommandAndClose(page, 'View: Close Secondary Side Bar');
    await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

async function clearNotifications(page) {
  if (await page.locator('.notification-toast').first().isVisible().catch(() => false)) {
    await runCommandAndClose(page, 'Notifications: Clear All Notifications');
    await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

async function closeAllEditors(page) {
  await runCommandAndClose(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** The text of the active editor's tab, to know which document is open. */
function activeTab(page) {
  return page.locator('.editor-group-container.active .tab.active');
}

async function shoot(page, file) {
  // Let transitions (sash hover, list focus, fade-ins) settle, and keep the mouse off everything.
  await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height / 2);
  await sleep(700);
  await page.screenshot({ path: file, type: 'png' });
  const { size } = fs.statSync(file);
  console.log(`   wrote ${file} (${(size / 1024).toFixed(0)} KB)`);
}

// ---------------------------------------------------------------------------------------------
// The pictures
// ---------------------------------------------------------------------------------------------

/** 1. The sidebar open next to a markdown note. */
async function sidebarShot(page, file) {
  await runCommand(page, 'Go to File');
  await page.keyboard.type('notes.md');
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: 'notes.md' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await activeTab(page).filter({ hasText: 'notes.md' }).waitFor({ timeout: 15_000 });

  const icon = page.locator('.activitybar .action-item a.action-label[aria-label^="Lead From Behind"]');
  await icon.click();
  await page.locator('.part.sidebar .composite.title', { hasText: 'Lead From Behind' }).waitFor({ timeout: 15_000 });
  // The view is a webview (its iframes sit in an overlay outside the side bar): wait for its cards.
  const view = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
  await view.locator('section.section[data-kind]').first().waitFor({ timeout: 30_000 });
  await view.locator('input[type="search"], input').first().waitFor({ timeout: 10_000 });
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await shoot(page, file);
}

/** 2. A review comment with a tone flag and its quick fixes. */
async function reviewShot(page, file) {
  await closeAllEditors(page);
  // Only the comment matters here: no side bar.
  await runCommandAndClose(page, 'View: Close Primary Side Bar');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });

  await runCommandAndClose(page, 'File: New Untitled Text File');
  await activeTab(page).filter({ hasText: 'Untitled' }).waitFor({ timeout: 10_000 });
  await runCommand(page, 'Change Language Mode');
  // The palette now lists languages.
  await page.waitForFunction(
    () => /language/i.test(document.querySelector('.quick-input-widget .quick-input-box input')?.getAttribute('placeholder') || ''),
    undefined,
    { timeout: 10_000 },
  );
  await page.keyboard.type('markdown');
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: /^Markdown/ }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await waitForQuickInput(page, false);
  await page.locator('.statusbar-item', { hasText: /^Markdown$/ }).first().waitFor({ timeout: 10_000 });

  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').click();
  await page.keyboard.type(REVIEW_COMMENT, { delay: 5 });
  await editor.locator('.view-line', { hasText: 'empty list case' }).waitFor({ timeout: 10_000 });

  // The status bar then carries a review prompt, as it does while a person reviews.
  await runCommandAndClose(page, 'Lead From Behind: Start Review Session');
  await runCommandAndClose(page, 'Lead From Behind: Check Feedback Tone');
  const squiggle = editor.locator('.squiggly-info, .squiggly-warning, .squiggly-hint').first();
  await squiggle.waitFor({ timeout: 20_000 });

  // Cursor onto the underlined words, then the quick-fix menu.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await editor.locator('.view-lines').focus().catch(() => {});
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.locator('.action-widget-action-bar, .monaco-list-row', { hasText: 'Rewrite' }).first().waitFor({ timeout: 20_000 });
  await shoot(page, file);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  await runCommandAndClose(page, 'Lead From Behind: End Review Session');
}

/** 3. A retro note just created from a template, with the explorer showing where it went. */
async function retroShot(page, file) {
  // Leave the untitled review comment without a save prompt.
  await runCommandAndClose(page, 'View: Revert and Close Editor');
  await closeAllEditors(page).catch(() => {});
  await runCommandAndClose(page, 'View: Show Explorer');
  await page.locator('.part.sidebar .composite.title', { hasText: 'Explorer' }).waitFor({ timeout: 10_000 });

  await runCommand(page, 'Lead From Behind: New Retrospective Note');
  // The palette gives way to the template pick.
  await quickInput(page).locator('.quick-input-title, .quick-input-list', { hasText: /retro|Start/i }).first().waitFor({ timeout: 15_000 });
  await quickInput(page).locator('.monaco-list-row', { hasText: 'Start, Stop, Continue' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.type('Start');
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: 'Start, Stop, Continue' }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  // Then the title box: the list is gone.
  await quickInput(page).locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  await page.waitForFunction(
    () => {
      const box = document.querySelector('.quick-input-widget .quick-input-box input');
      return box && box.value === '';
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.keyboard.type(RETRO_TITLE);
  await page.keyboard.press('Enter');
  await waitForQuickInput(page, false);
  await activeTab(page).filter({ hasText: /sprint-42/i }).waitFor({ timeout: 20_000 });
  // The explorer reveals the new file under docs/retros.
  await page
    .locator('.explorer-folders-view .monaco-list-row.selected, .explorer-folders-view .monaco-list-row.focused', { hasText: /sprint-42/i })
    .first()
    .waitFor({ timeout: 15_000 });
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await shoot(page, file);
}

/** The ISO week (`2026-W48`) of a date, by the local calendar, as the extension counts. */
function isoWeek(date) {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const year = day.getUTCFullYear();
  return `${year}-W${String(Math.floor((day - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1).padStart(2, '0')}`;
}

/** Eleven weeks of made-up figures up to this week, one week without reviews: directive flags left in less often over time. */
function seededFigures(now = new Date()) {
  const weeks = {};
  for (let back = 10; back >= 0; back--) {
    if (back === 6) continue; // a week off: a gap in the chart
    const week = isoWeek(new Date(now.getTime() - (back * 7 * 86_400_000)));
    const step = 10 - back;
    const flags = { imperative: 4 - Math.floor(step / 4), 'you-must': 2 + (step % 2), verdict: 1 + Math.floor(step / 5), 'accusing-why': step % 3 === 0 ? 1 : 0 };
    const raised = Object.values(flags).reduce((sum, count) => sum + count, 0);
    const leftInPlace = Math.max(0, Math.round(raised * (0.55 - (step * 0.04))));
    const resolvedByRewrite = Math.min(raised - leftInPlace, Math.round(raised * (0.2 + (step * 0.04))));
    const commentsFinished = 8 + (step % 4);
    const commentsFlagged = Math.min(8, raised - 1);
    // Per comment: at most one per flag, never more than the flagged comments.
    const commentsLeftFlagged = Math.min(commentsFlagged, leftInPlace, Math.round(commentsFinished * (0.5 - (step * 0.04))));
    const commentsRewritten = Math.min(commentsFlagged, resolvedByRewrite, Math.round(commentsFinished * (0.15 + (step * 0.03))));
    weeks[week] = {
      commentsFinished,
      commentsFlagged,
      commentsLeftFlagged,
      commentsRewritten,
      flagsByRule: Object.fromEntries(Object.entries(flags).filter(([, count]) => count > 0)),
      resolvedByRewrite,
      resolvedByLabel: raised - leftInPlace - resolvedByRewrite > 0 ? 1 : 0,
      leftInPlace,
      sessions: 2 + (step % 2),
      sessionMinutes: 40 + (step * 3),
    };
  }
  return { 'reflection.figures.screenshots': { updated: Date.now(), weeks } };
}

/** Writes the extension's global state into the workbench's IndexedDB; a reload then hands it to the extension. */
async function seedGlobalState(page, state) {
  await page.evaluate(async (value) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('vscode-web-state-db-global');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('ItemTable', 'readwrite');
      transaction.objectStore('ItemTable').put(value, 'lead-from-behind.lead-from-behind');
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, JSON.stringify(state));
}

/** The webview frame whose page holds `selector`. */
async function webviewFrame(page, selector, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No webview shows ${selector}`);
    await sleep(250);
  }
}

/** 4. The Your Reviews view with eleven weeks of figures, next to the cards view collapsed. */
async function yourReviewsShot(page, file) {
  await closeAllEditors(page).catch(() => {});
  await runCommandAndClose(page, 'Lead From Behind: Focus on Your Reviews View');
  const frame = await webviewFrame(page, 'svg#chart');
  // The cards view above is collapsed, so the figures get the side bar's height.
  const cardsHeader = page.locator('.part.sidebar .pane-header', { hasText: /^Lead From Behind/ }).first();
  if ((await cardsHeader.getAttribute('aria-expanded')) === 'true') await cardsHeader.click();
  await frame.locator('ol.top-rules').waitFor({ timeout: 10_000 });
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await shoot(page, file);
}

/** 5. This week's reflection note, just created, with the figures beside it. */
async function reflectionNoteShot(page, file) {
  await runCommandAndClose(page, 'Lead From Behind: Reflect on This Week');
  await activeTab(page).filter({ hasText: /-reflection\.md/ }).waitFor({ timeout: 20_000 });
  await page.locator('.editor-group-container.active .view-line', { hasText: 'One thing to try next week' }).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await shoot(page, file);
}

/**
 * 4. The Follow-through view on a team's notes (test/fixtures/retro-notes), beside the latest note. The notes
 * are copied into the workspace's retro folder just before, in place of any note an earlier shot created.
 */
async function followThroughShot(page, file, workspace) {
  const retros = path.join(workspace, 'docs', 'retros');
  await fsp.rm(retros, { recursive: true, force: true });
  await fsp.mkdir(retros, { recursive: true });
  const notes = path.join(projectRoot, 'test', 'fixtures', 'retro-notes');
  for (const name of (await fsp.readdir(notes)).filter((entry) => /^\d{4}-\d{2}-\d{2}.*\.md$/.test(entry))) {
    await fsp.copyFile(path.join(notes, name), path.join(retros, name));
  }
  await closeAllEditors(page).catch(() => {});
  await runCommand(page, 'Go to File');
  await page.keyboard.type('2026-11-26-sprint-36.md');
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: 'sprint-36' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await activeTab(page).filter({ hasText: 'sprint-36' }).waitFor({ timeout: 15_000 });

  await runCommandAndClose(page, 'Lead From Behind: Focus on Follow-through View');
  await page.locator('.part.sidebar .pane-header', { hasText: 'Follow-through' }).waitFor({ timeout: 15_000 });
  // The cards view and Your Reviews collapse, so the Follow-through view has the side bar's height.
  for (const name of [/^Lead From Behind/, /^Your Reviews/]) {
    const header = page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: name });
    if (await header.count()) await header.first().click();
  }
  // A wider side bar, so the chart reads well, and a taller window, so the stuck actions and the owners show too.
  for (let step = 0; step < 3; step++) await runCommandAndClose(page, 'Increase Current View Size');
  await page.setViewportSize({ width: VIEWPORT.width, height: 1260 });
  const view = await webviewFrame(page, 'svg.ft-svg');
  await view.locator('.ft-front').waitFor({ timeout: 10_000 });
  await clearNotifications(page);
  await closeSecondarySideBar(page);
  await shoot(page, file);
  await page.setViewportSize(VIEWPORT);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { out, only } = parseArgs(process.argv.slice(2));
  const shots = [
    ['sidebar', 'vscode-sidebar.png', sidebarShot],
    ['review', 'vscode-review.png', reviewShot],
    ['retro', 'vscode-retro.png', retroShot],
    ['follow-through', 'vscode-follow-through.png', followThroughShot],
    ['your-reviews', 'vscode-your-reviews.png', yourReviewsShot],
    ['reflection-note', 'vscode-reflection-note.png', reflectionNoteShot],
  ].filter(([name]) => only === undefined || name === only);
  if (shots.length === 0) throw new Error(`--only takes sidebar, review, retro, follow-through, your-reviews or reflection-note (got ${only})`);
  const { ensureCodeServer, startCodeServer, CHROMIUM, CHROMIUM_ARGS } = await import('../test/host/code-server.mjs');
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium); never download browsers.`);
  }
  await waitForBuiltExtension();
  await ensureCodeServer();
  fs.mkdirSync(out, { recursive: true });

  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'lfb-shots-'));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  process.on('exit', removeTmp); // also after Ctrl-C: code-server.mjs turns signals into an exit
  const workspace = path.join(tmp, 'workspace');
  await fsp.cp(fixture, workspace, { recursive: true });

  const server = await startCodeServer({ workspace, settings: SETTINGS });
  const { chromium } = await import('playwright-core');
  let context;
  try {
    context = await chromium.launchPersistentContext(path.join(server.runDir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, TMPDIR: server.runDir },
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
    const page = context.pages()[0] || (await context.newPage());
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(projectRoot)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    await page.goto(server.url(payload), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a.action-label[aria-label^="Lead From Behind"]').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).waitFor({ timeout: 60_000 });
    await closeSecondarySideBar(page);

    const written = [];
    for (const [, name, take] of shots) {
      const file = path.join(out, name);
      try {
        if (take === yourReviewsShot) {
          await seedGlobalState(page, seededFigures());
          await page.reload({ waitUntil: 'domcontentloaded' });
          await page.locator('.activitybar .action-item a.action-label[aria-label^="Lead From Behind"]').waitFor({ timeout: 60_000 });
          await page.locator('.explorer-folders-view .monaco-list-row, .part.sidebar', { hasText: /./ }).first().waitFor({ timeout: 60_000 });
        }
        await take(page, file, workspace);
      } catch (err) {
        const failed = path.join(tmp, `failed-${name}`);
        await page.screenshot({ path: failed }).catch(() => {});
        const keep = path.join(os.tmpdir(), `lfb-screenshot-failed-${name}`);
        await fsp.copyFile(failed, keep).catch(() => {});
        throw new Error(`${name}: ${err.message}\n(the page at that moment: ${keep})`);
      }
      written.push(file);
    }
    console.log(`Wrote ${written.length} screenshots to ${out}:`);
    for (const file of written) console.log(`   ${file}  ${fs.statSync(file).size} bytes`);
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
    removeTmp();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  },
);
