/** zod's validation issues as the short lines our error messages are made of. */
import type { z } from 'zod';

/** "members.0.code: väntade en fyrsiffrig kommunkod" — the field path, or `root` when the whole value is wrong. */
export function issueLines(error: z.ZodError, root = '(roten)'): string[] {
  return error.issues.map((issue) => `${fieldPath(issue).join('.') || root}: ${message(issue)}`);
}

/** The issue's path without symbol keys, down to the unknown key itself where there is one. */
export function fieldPath(issue: z.core.$ZodIssue): (string | number)[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  return issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
}

function message(issue: z.core.$ZodIssue): string {
  // A misspelt field is the likeliest cause; say so in the reader's language.
  if (issue.code === 'unrecognized_keys') return `okänt fält (felstavat?): ${issue.keys.join(', ')}`;
  return issue.message;
}
