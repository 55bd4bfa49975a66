import { type Translate, uiKey } from '../i18n.ts';
import type { ParamError } from '../model/shared/params.ts';

/**
 * The localised message for a broken rule: it names the field and the rule. `fieldKey` is the
 * i18n key of the field's name when the explorer labels it differently (see `labelKey`).
 */
export function errorMessage(error: ParamError, t: Translate, fieldKey: string = `field.${error.param}`): string {
  const { code, ...args } = error.rule;
  const named: Record<string, string | number> = { ...args, field: t(uiKey(fieldKey)) };
  if ('other' in args) named.other = t(uiKey(`field.${args.other}`));
  return t(uiKey(`rule.${code}`), named);
}
