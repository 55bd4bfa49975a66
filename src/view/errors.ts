import type { Translate } from '../i18n.ts';
import type { ParamError } from '../model/params.ts';

/** The localised message for a broken rule: it names the field and the rule. */
export function errorMessage(error: ParamError, t: Translate): string {
  const { code, ...args } = error.rule;
  const named: Record<string, string | number> = { ...args, field: t(`field.${error.param}`) };
  if ('other' in args) named.other = t(`field.${args.other}`);
  return t(`rule.${code}`, named);
}
