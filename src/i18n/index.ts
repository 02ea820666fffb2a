/** Every Swedish UI string, read through `t()`: wording stays reviewable in one file. */
import strings from './sv.json' with { type: 'json' };

export type StringKey = keyof typeof strings;

export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
