import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CheckOutput, Finding, Fix, Lang, Severity } from '../engine/index.js';
import { toRange } from './positions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries so code actions need no server state (as yaml-language-server does). */
export interface DiagnosticData {
  fix?: Fix;
  suggestions?: Fix[];
}

/**
 * Whether yaml-language-server (the Red Hat YAML extension) reports this finding too: every YAML syntax
 * error the parser gives, which it reads with the same parser. Not planlint's own one-document rule
 * (`MULTIPLE_DOCS`; it accepts several documents), nor a full-width punctuation finding, which names the
 * cause and fixes it where yaml-language-server shows only the syntax error it leads to.
 */
export function shownByYamlServer(finding: Pick<Finding, 'ruleId' | 'messageId'>): boolean {
  return finding.ruleId === 'yaml-syntax' && finding.messageId !== 'MULTIPLE_DOCS';
}

/** Diagnostics for a check, with the rule id as code and a link to the rule's page. */
export function toDiagnostics(output: CheckOutput, lang: Lang, docsUri: (ruleId: string) => string | undefined): Diagnostic[] {
  return output.findings.map((f) => {
    const href = docsUri(f.ruleId);
    const data: DiagnosticData = { fix: f.fix, suggestions: f.suggestions };
    return {
      range: toRange(output.lines, f.range),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      source: 'planlint',
      message: f.message[lang],
      data,
    };
  });
}
