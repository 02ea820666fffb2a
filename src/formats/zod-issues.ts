/** zod's validation issues as the short lines our error messages are made of. */
import type { z } from 'zod';

/** "members.0.code: väntade en fyrsiffrig kommunkod" — the field path, or `root` when the whole value is wrong. */
export function issueLines(error: z.ZodError, root = '(roten)'): string[] {
  return error.issues.map((issue) => `${fieldPath(issue).join('.') || root}: ${issue.message}`);
}

/** The issue's path without symbol keys, for line lookups in the source file. */
export function fieldPath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((part): part is string | number => typeof part !== 'symbol');
}
