/** Finds site boilerplate in a capture by the rules in boilerplate-rules.json (rules are data, not code). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BoilerplateRule {
  id: string;
  pattern: string;
  reason: string;
  sources?: string[];
  rest?: boolean;
}

export interface BoilerplateRules {
  rules: BoilerplateRule[];
  readAlso: { pattern: string };
}

/** The rules shipped with the project. */
export function loadBoilerplateRules(): BoilerplateRules {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'boilerplate-rules.json'), 'utf8')) as BoilerplateRules;
}

/** One line taken out of the text, and why. */
export interface Removal {
  line: number;
  text: string;
  rule: string;
  reason: string;
}

/**
 * Splits lines into the article's and the boilerplate, by the rules that apply to `source`.
 * @example removeBoilerplate(['Text', 'Source link'], rules).removals[0].rule // "source-link"
 */
export function removeBoilerplate(lines: readonly string[], rules: BoilerplateRules, source?: string): { kept: { line: number; text: string }[]; removals: Removal[] } {
  const active = rules.rules
    .filter((rule) => !rule.sources || (source !== undefined && rule.sources.includes(source)))
    .map((rule) => ({ rule, regex: new RegExp(rule.pattern, 'u') }));
  const kept: { line: number; text: string }[] = [];
  const removals: Removal[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    const match = active.find(({ regex }) => regex.test(text));
    if (!match) {
      kept.push({ line: i + 1, text });
      continue;
    }
    if (match.rule.rest) {
      const rest = lines.slice(i).map((l) => l.trim()).filter(Boolean).join('\n');
      removals.push({ line: i + 1, text: rest, rule: match.rule.id, reason: match.rule.reason });
      break;
    }
    removals.push({ line: i + 1, text, rule: match.rule.id, reason: match.rule.reason });
  }
  return { kept, removals };
}

/** The 1-based line of a "read also" heading that starts a second article, if any. */
export function findReadAlso(lines: readonly string[], rules: BoilerplateRules): number | undefined {
  const regex = new RegExp(rules.readAlso.pattern, 'u');
  const index = lines.findIndex((line) => regex.test(line.trim()));
  return index < 0 ? undefined : index + 1;
}
