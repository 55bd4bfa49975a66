import { readFileSync } from 'node:fs';

/** A page or anchor listed in dist/links.json by the build. */
export interface Link {
  lang: string;
  kind: 'page' | 'section' | 'question' | 'explorer';
  url: string;
  title: string;
}

export function builtLinks(): Link[] {
  return JSON.parse(readFileSync('dist/links.json', 'utf8')) as Link[];
}

/** Every page of the built site in both languages, e.g. `/ja/load-balancer/`. */
export function builtPages(): string[] {
  return builtLinks()
    .filter((link) => link.kind === 'page')
    .map((link) => link.url);
}
