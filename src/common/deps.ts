import type { ContentService } from '../content/content-service';
import type { LastTextEditor } from './last-text-editor';

/** What feature modules share. `extension.ts` builds it once and hands it to each `register`. */
export interface FeatureDeps {
  readonly content: ContentService;
  readonly lastTextEditor: LastTextEditor;
}
