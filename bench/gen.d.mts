/** A plan shaped like the seeds, with `tasks` tasks (see gen.mjs). */
export function generatePlan(tasks: number, seed?: number): string;
