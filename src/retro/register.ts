import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import type { NewRetroNoteArgs } from './new-retro-note';

/** "New Retrospective Note": a dated note from a template, with carried-over actions. */
export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newRetroNote, async (args?: NewRetroNoteArgs) => {
      // Templates and carry-over parsing (markdown-it) load on first use, not at activation.
      const [{ newRetroNote }, library] = await Promise.all([import('./new-retro-note'), content.getLibrary()]);
      return newRetroNote(library, args);
    }),
  );
}
