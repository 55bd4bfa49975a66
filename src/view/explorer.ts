import type { SequenceDiagram } from '../diagram/sequence.ts';
import type { ElementNode } from './tree.ts';

/** What an explorer shows for one scenario: output blocks and one diagram. */
export interface ExplorerView {
  readonly outputs: readonly ElementNode[];
  readonly diagram: SequenceDiagram;
  /**
   * The same drawing in pieces narrow enough for a printed page, where a wide drawing would have to
   * shrink below readable size (SPEC §7.4). Print shows these instead of `diagram`.
   */
  readonly printParts?: readonly SequenceDiagram[];
}
