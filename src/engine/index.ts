/**
 * The engine's one door. Adapters — the CLI, the language server and its language features, the
 * review report, the VS Code client, import and export — import the engine from here and nowhere
 * else (eslint.config.mjs enforces it), so that what the engine promises is this file.
 */
export type { FileSpellings, SpellingExemption, UnitSpelling } from './across-files.js';
export { checkSpellingsAcrossFiles, checkSpellingsAcrossRounds, unitSpellings } from './across-files.js';
export type { CheckOptions, CheckOutput } from './check.js';
export { checkOversized, checkText } from './check.js';
export type { Config, RuleSetting } from './config.js';
export { EMPTY_CONFIG } from './config.js';
export type { ConfigLoad } from './config-file.js';
export { readConfigText, refusedConfig } from './config-file.js';
export type { FixAllResult } from './fix-all.js';
export { fixAll } from './fix-all.js';
export { applyEdits, fixToEdits, nonOverlapping } from './fix.js';
export { RULE_METAS } from './generated/rules.js';
export { nodeAt, pathAt, rangeOf } from './locate.js';
export { comparatorSymbol, formatNumber, ruleMeta } from './messages.js';
export type { Actual, Comparator, Convention, DeclaredCounts, DocumentForm, Indicator, Milestone, Person, Plan, Region, RegionSplit, RegionValue, Section, Target, Task, Unit, UnitMention, UnitRef } from './model.js';
export { REPORT_FORM_NAMES, buildPlan, impliedAnnualGrowth, label, unitMentions } from './model.js';
export type { ActualProgress, LeadInEffect, YearlyTotal } from './queries.js';
export {
  PLAN_FILE_GLOB, PLAN_FILE_PATTERN, actualProgress, effectiveCooperating, effectiveLead, listedCounts, effectiveResponsible, indicatorLabel, innermost, isPlanFile, isUnder,
  leadInEffect, responsibleIncludesLead, ruleOptions, satisfies, sectionLead, sumTolerance, yearlyTotal,
  effectivePeople, milestonesText, peopleText, tagCountsListed,
} from './queries.js';
export type { BaselineSummary, FileResult, FindingRow, RowEdit, RowFix } from './rows.js';
export { toRows } from './rows.js';
export { mergedMembers, regionLabel, regionOf, regionSum, splitTotal } from './regions.js';
export type { FormerName, Register, RegisterMatch, RegisterOrigin, RegisterUnit } from './register.js';
export { makeRegister, matchRegister, readRegisterText } from './register.js';
export type { RuleMeta } from './rule-types.js';
export { CONTROL_OR_BIDI, LineIndex, changedSpan, escapeControls } from './text.js';
export type { SourceDoc, SourceNode } from './tree.js';
export type {
  DataPath, Finding, Fix, FixOperation, Lang, Localized, OffsetRange, PathSegment, PathTarget, Position, Severity, SeveritySetting, TextEdit,
} from './types.js';
export type { DocumentError, ImportResult, ImportSummary, SourceText } from './import/types.js';
export type { ImportedDocument } from './import/import-document.js';
export { importDocument } from './import/import-document.js';
export { readDocument } from './import/read.js';
export type { RecognizeOptions } from './import/recognize.js';
export { recognizePlan } from './import/recognize.js';
export type { BaselineState, Round, RoundComparison, RoundFinding, TargetChange, TaskChange } from './baseline.js';
export { compareRounds } from './baseline.js';
