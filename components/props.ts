import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';

/**
 * Checks a component's props against its schema, as Starlight's `parseWithFriendlyErrors` does:
 * bad props stop the build with one error that names the component and each prop that broke its
 * rule. Every component in this folder parses `Astro.props` through it.
 */
export function parseProps<Schema extends z.ZodType>(component: string, schema: Schema, props: unknown): z.output<Schema> {
  const parsed = schema.safeParse(props);
  if (parsed.success) return parsed.data;
  throw propsError(
    component,
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * The one error for bad props, also for rules a schema can't hold (a scenario the engine
 * refuses): one line per problem, the prop's path, then what is wrong with it.
 */
export function propsError(component: string, problems: readonly { path: string; message: string }[]): Error {
  const lines = problems.map(({ path, message }) => `- ${path ? `\`${path}\`: ` : ''}${message}`);
  return new AstroError(`Invalid props passed to the <${component}> component.`, lines.join('\n'));
}

/** A component's own raw scenario: parameter names to their text, as in the page URL (SPEC §2). */
export const scenarioProp = z.record(z.string(), z.string());

/** An id a knowledge-base link can point at: lower-case words joined by hyphens. */
export const anchorProp = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "client-ip-lb"');
