import { buildPlan, checkText, compareRounds, type CheckOptions, type CheckOutput } from '../engine/index.js';

/**
 * The check with only the findings new against the last committed version (`planlint.onlyNewSinceCommit`):
 * matched by rule and subject as `planlint --baseline` matches them, so an edit that moves lines hides nothing.
 */
export function onlyNewFindings(output: CheckOutput, committed: CheckOutput): CheckOutput {
  const plan = (o: CheckOutput) => o.plan ?? (o.data !== undefined ? buildPlan(o.data) : undefined);
  const c = compareRounds({ findings: committed.findings, plan: plan(committed) }, { findings: output.findings, plan: plan(output) });
  return { ...output, findings: output.findings.filter((_, i) => c.states[i] === 'new') };
}

/** The committed version's check, kept per document while its text and options stay the same. */
export class CommittedChecks {
  private readonly checks = new Map<string, { text: string; options: CheckOptions; output: CheckOutput }>();

  get(uri: string, text: string, options: CheckOptions): CheckOutput {
    const kept = this.checks.get(uri);
    // Each version's options are a new object; the config inside is the one read for the document.
    if (kept && kept.text === text && kept.options.config === options.config && kept.options.relativePath === options.relativePath) return kept.output;
    const output = checkText(text, { config: options.config, relativePath: options.relativePath });
    this.checks.set(uri, { text, options, output });
    return output;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.checks.clear();
    else this.checks.delete(uri);
  }
}
