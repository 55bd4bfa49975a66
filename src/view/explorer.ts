import type { SequenceDiagram } from '../diagram/sequence.ts';
import type { ElementNode } from './tree.ts';

/** What an explorer shows for one scenario: output blocks and one diagram. */
export interface ExplorerView {
  readonly outputs: readonly ElementNode[];
  readonly diagram: SequenceDiagram;
}
