import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import type { NewTeamCardArgs } from './new-team-card';

/** "New Team Card…": a complete card file in the team's content folder. */
export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newTeamCard, async (args?: NewTeamCardArgs) => {
      // The command loads on first use, not at activation; the library tells which ids are taken.
      const [{ newTeamCard }, library] = await Promise.all([import('./new-team-card'), content.getLibrary()]);
      return newTeamCard(library, args);
    }),
  );
}
