import {
  REPORT_FORM_NAMES, effectiveCooperating, effectiveResponsible, formatNumber, indicatorLabel, label, leadInEffect, listedCounts, milestonesText, peopleText, tagCountsListed,
  type DeclaredCounts, type DocumentForm, type Indicator, type Lang, type Plan, type Section, type Task, type UnitRef,
} from '../engine/index.js';
import { text, type TextId } from './texts.js';

const names = (refs: readonly UnitRef[]) => refs.map((r) => r.name).join('、');

/** What a report form is (进展报告, 新闻报道), in the reader's language; undefined for a plan, the form a file has unless it says. */
export function formText(lang: Lang, form: DocumentForm): string | undefined {
  return form === 'plan' ? undefined : REPORT_FORM_NAMES[form][lang];
}

/** "6类22件" as declared, in the reader's language. */
export function countsText(lang: Lang, categories: number | undefined, items: number | undefined): string {
  const parts = [
    ...(categories === undefined ? [] : [text(lang, categories === 1 ? 'categoryCount' : 'categoriesCount', { n: categories })]),
    ...(items === undefined ? [] : [text(lang, items === 1 ? 'itemCount' : 'itemsCount', { n: items })]),
  ];
  return parts.join(lang === 'en' ? ', ' : '');
}

/** A plan's or a section's declared counts against what it lists, ✓ when they agree; undefined without a declaration. */
export function declaredCountsText(lang: Lang, declared: DeclaredCounts | undefined, owner: Plan | Section): string | undefined {
  if (!declared || (!declared.categories && !declared.items)) return undefined;
  const listed = listedCounts(owner);
  const c = declared.categories?.value;
  const i = declared.items?.value;
  const ok = (c === undefined || c === listed.categories) && (i === undefined || i === listed.items);
  return `${text(lang, 'declared')} ${countsText(lang, c, i)} · ${text(lang, 'listed')} ${countsText(lang, c === undefined ? undefined : listed.categories, i === undefined ? undefined : listed.items)}${ok ? ' ✓' : ' ✗'}`;
}

/**
 * The lead in effect as a reader should take it: named, derived by the plan's convention (推定), or
 * undecided, when a responsible-only row lists several units and none is said to lead (as
 * task-has-lead's leadAmbiguous says).
 */
function leadText(task: Task, lang: Lang): string {
  const lead = leadInEffect(task);
  if (lead.units.length === 0) return text(lang, 'none');
  if (lead.from === 'own' || lead.from === 'section') return names(lead.units);
  if (lead.from === 'responsible-only' && lead.units.length > 1) return text(lang, 'leadUndecided');
  return `${names(lead.units)}(${text(lang, 'derived')})`;
}

/** Hover on a task outside its indicators and unit names: who does it, who answers for it, when, and its tags. */
export function taskHover(task: Task, lang: Lang): string {
  const t = (id: TextId) => text(lang, id);
  const lines = [`**${label(task)}**${task.tags.length ? ` · ${t('tags')}: ${task.tags.join('、')}` : ''}`, '', `${t('leadUnit')}: ${leadText(task, lang)}`];
  const responsible = effectiveResponsible(task);
  if (responsible.length) lines.push('', `${t('responsibleUnit')}: ${names(responsible)}`);
  const cooperating = effectiveCooperating(task);
  if (cooperating.length) lines.push('', `${t('cooperatingUnit')}: ${names(cooperating)}`);
  if (task.people.length) lines.push('', `${t('people')}: ${peopleText(task.people)}`);
  const when = [...(task.milestones.length ? [`${t('milestones')}: ${milestonesText(task.milestones)}`] : []), ...(task.deadline ? [`${t('deadline')}: ${task.deadline.written}`] : [])];
  if (when.length) lines.push('', when.join(' · '));
  return lines.join('\n');
}

const indicatorLine = (ind: Indicator) => `${indicatorLabel(ind)}${ind.overall ? ` **${formatNumber(ind.overall.value)}**` : ''}`;

/** Hover on a section outside its tasks, or on the plan's metadata: its declared counts against what it lists, its own indicators and people. */
export function ownerHover(owner: Section, lang: Lang, plan: Plan): string {
  const t = (id: TextId) => text(lang, id);
  const isPlan = owner === plan.root;
  // A report is not issued: said first, so that its findings read as notes on a report, not on a plan.
  const form = isPlan ? formText(lang, plan.form) : undefined;
  const lines = [`**${isPlan ? owner.title || t('thePlan') : label(owner)}**${form ? ` · ${text(lang, 'notToIssue', { form })}` : ''}`];
  const counts = declaredCountsText(lang, isPlan ? plan.declaredCounts : owner.declaredCounts, isPlan ? plan : owner);
  if (counts) lines.push('', counts);
  if (isPlan) for (const c of tagCountsListed(plan)) lines.push('', `${t('tags')} ${c.tag}: ${t('declared')} ${c.declared} · ${t('listed')} ${c.listed}`);
  if (!isPlan && owner.lead.length) lines.push('', `${t('leadUnit')}: ${names(owner.lead)}`);
  if (owner.responsible.length) lines.push('', `${t('responsibleUnit')}: ${names(owner.responsible)}`);
  if (owner.cooperating.length) lines.push('', `${t('cooperatingUnit')}: ${names(owner.cooperating)}`);
  if (owner.people.length) lines.push('', `${t('people')}: ${peopleText(owner.people)}`);
  if (owner.indicators.length) lines.push('', `${t(isPlan ? 'planIndicators' : 'sectionIndicators')}: ${owner.indicators.map(indicatorLine).join(';')}`);
  return lines.join('\n');
}
