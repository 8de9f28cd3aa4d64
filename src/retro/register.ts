import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import { newRetroNote, NewRetroNoteArgs } from './new-retro-note';

/** "New Retrospective Note": a dated note from a template, with carried-over actions. */
export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newRetroNote, async (args?: NewRetroNoteArgs) =>
      newRetroNote(await content.getLibrary(), args),
    ),
  );
}
