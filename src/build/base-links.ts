import { defineMdastPlugin } from 'satteri';
import { withBase } from '../base.ts';

/**
 * The Markdown plugin that puts the pages' own links under the site's base (BASE_PATH): the pages
 * write `[Load Balancer](/ja/load-balancer/)`, which must read `/azure-traffic-paths/ja/…` in a
 * build for that sub-path. Links to other sites and in-page `#anchors` stay as they are.
 */
export const baseLinks = () =>
  defineMdastPlugin({
    name: 'atp-base-links',
    link(node, visit) {
      const url = withBase(node.url);
      if (url !== node.url) visit.setProperty(node, 'url', url);
    },
    definition(node, visit) {
      const url = withBase(node.url);
      if (url !== node.url) visit.setProperty(node, 'url', url);
    },
  });
