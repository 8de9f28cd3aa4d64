import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { activateWithProbes, ExtensionApi, hasFolder, SidebarProbe, TestProbes, waitFor } from './helpers';

const VIEW_ID = 'leadFromBehind.sidebar';
const HOME_CONTAINER = 'workbench.view.extension.leadFromBehind';
const EXPLORER = 'workbench.view.explorer';

const teamTip = (id: string) => `---
id: ${id}
kind: tip
title: Tip ${id}
summary: A team tip.
tags: [team]
order: 50
question: "Who?"
---
Body of ${id}.
`;

const packaged = () => vscode.workspace.getConfiguration('lfbTest').get<boolean>('packaged', false);

/** Moves the sidebar view to another container: VS Code disposes the view and resolves a new one there. */
async function moveSidebar(destinationId: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.moveViews', { viewIds: [VIEW_ID], destinationId });
}

describe('sidebar probe', () => {
  it('is given in Test mode only', async () => {
    const api = await activateWithProbes();
    assert.equal(api.sidebarProbe === undefined, packaged());
  });
});

describe('sidebar renders (folder open)', function () {
  if (!hasFolder()) return;
  let api: ExtensionApi & Partial<TestProbes>;
  let probe: SidebarProbe;
  let teamFolder: string;
  const written: string[] = [];

  async function writeTeamTip(id: string): Promise<void> {
    const file = path.join(teamFolder, `${id}.md`);
    written.push(file);
    await writeFile(file, teamTip(id));
  }

  /** Holds the next render before its page lands, until released. */
  function holdNextRender() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    probe.beforeRenderLands = async () => {
      if (reached) return;
      reached = true;
      await released;
    };
    return { reached: () => reached, release };
  }

  before(async function () {
    api = await activateWithProbes();
    // The installed package runs in Production mode, without the probe: its renders can't be steered.
    if (packaged()) this.skip();
    assert.ok(api.sidebarProbe, 'the extension runs in Test mode and gives its sidebar probe');
    probe = api.sidebarProbe;
    teamFolder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.lead-from-behind');
    await mkdir(teamFolder, { recursive: true });
    await vscode.commands.executeCommand('leadFromBehind.openSidebar');
    await waitFor(() => probe.html() !== undefined, 'the sidebar page');
  });

  afterEach(async () => {
    if (!probe) return;
    probe.beforeRenderLands = undefined;
    await probe.settled().catch(() => undefined);
  });

  after(async () => {
    if (!probe) return; // skipped
    await moveSidebar(HOME_CONTAINER);
    await Promise.all(written.map((file) => rm(file, { force: true })));
  });

  it('lets only the newest render land, the first render of a view included', async () => {
    const first = holdNextRender();
    await moveSidebar(EXPLORER);
    await waitFor(first.reached, 'the new view to start its first render');
    // The team's content changes while the first render is held: a newer render starts and lands.
    await writeTeamTip('race-tip');
    await waitFor(() => probe.html()?.includes('race-tip') ?? false, 'the newer render, with the new team tip, to land');
    first.release();
    await probe.settled();
    assert.ok(probe.html()?.includes('race-tip'), 'the older first render did not land over the newer one');
  });

  it('sets nothing on a view disposed while it rendered, and lets no error escape', async () => {
    const held = holdNextRender();
    await moveSidebar(HOME_CONTAINER);
    await waitFor(held.reached, 'the view to start its first render');
    // The view goes away while its render is held; VS Code resolves a new one in the explorer.
    await moveSidebar(EXPLORER);
    await waitFor(() => probe.html() !== undefined, 'the new view to show its page');
    const shown = probe.html();
    held.release();
    await probe.settled();
    assert.equal(probe.html(), shown);
  });

  it('shows an error state with Retry when a render fails, and Retry renders again', async () => {
    // Every render fails until Retry: a team file change may bring more than one.
    let failing = true;
    probe.beforeRenderLands = async () => {
      if (failing) throw new Error('the disk was not there');
    };
    await writeTeamTip('after-error-tip');
    await waitFor(() => probe.html()?.includes('id="retry"') ?? false, 'the error state');
    const html = probe.html()!;
    assert.match(html, /The Lead From Behind cards could not be shown\./);
    assert.match(html, /What went wrong: the disk was not there/);
    assert.match(html, /<button id="retry" type="button">(?:<span[^>]*><\/span>)?Retry<\/button>/);
    // Under the CSP: no inline handler; the one script carries the page's nonce.
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    const nonce = /script-src &#39;nonce-([0-9a-f]+)&#39;/.exec(html)?.[1];
    assert.ok(nonce, 'a CSP with a script nonce');
    assert.equal([...html.matchAll(/<script\b[^>]*>/g)].filter((tag) => !tag[0].includes(`nonce="${nonce}"`)).length, 0);

    failing = false;
    await probe.receive({ type: 'retry' });
    await waitFor(() => !(probe.html()?.includes('id="retry"') ?? true), 'Retry to render the cards');
    assert.ok(probe.html()?.includes('after-error-tip'), 'the cards page, with the team tip');
  });
});
