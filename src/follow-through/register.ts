import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import type { FeatureDeps } from '../common/deps';
import type { FollowThroughService } from './follow-through-service';
import { FollowThroughView } from './follow-through-view';

export interface LoadedFollowThrough {
  readonly feature: typeof import('./feature');
  readonly service: FollowThroughService;
}

/** The Follow-through view, Review Open Actions, and the report for scripts. */
export function register(context: vscode.ExtensionContext, { content }: FeatureDeps): FollowThroughView {
  // The service, the analysis and markdown-it load on first use, and the notes are read and watched from
  // then on: not at activation.
  let loaded: Promise<LoadedFollowThrough> | undefined;
  const load = (): Promise<LoadedFollowThrough> =>
    (loaded ??= import('./feature').then((feature) => {
      const service = new feature.FollowThroughService();
      context.subscriptions.push(service);
      return { feature, service };
    }));
  // The probe lets integration tests watch and steer renders; it exists in Test mode only.
  const view = new FollowThroughView(context.extensionUri, load, content, { probe: context.extensionMode === vscode.ExtensionMode.Test });
  context.subscriptions.push(
    view,
    vscode.window.registerWebviewViewProvider(FollowThroughView.viewType, view),
    vscode.commands.registerCommand(Commands.followThroughReport, async (args?: { folder?: unknown }) => {
      const { feature, service } = await load();
      return feature.followThroughReport(service, args);
    }),
    vscode.commands.registerCommand(Commands.reviewOpenActions, async (args?: { folder?: unknown; action?: unknown; choice?: unknown }) => {
      const { feature, service } = await load();
      return feature.reviewOpenActions(service, args);
    }),
  );
  return view;
}
