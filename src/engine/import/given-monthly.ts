/**
 * What a clause gives each month: "發放高齡津貼(每月不少於60元)" states 60 元/月 of 高齡津貼. The words
 * between a verb of giving (发放, 提供, 给予) and an open bracket of 每月 name it, where no bracket has
 * closed between that 每月 and the figure. Pure string work, one pass over the clause however many
 * figures it has: a pattern tried on the text before each figure took quadratic time on a long clause.
 */

// A run of words (no separator, no open bracket) right before an open bracket of 每月.
const BEFORE_MONTHLY = /(?<![^,,、;;((])([^,,、;;((]*)(?=[((]每月)/g;
// The first verb of giving in that run with at least two characters after it: the rest is what is given.
const GIVING = /(?:发放|發放|提供|给予|給予)([\s\S]{2,})$/;

/**
 * For each 元 figure of `clause`, asked in the order of their positions `at`: the name of what is given
 * each month when the figure stands inside a bracket of 每月 (the first such bracket still open at `at`).
 */
export function monthlyGivenIn(clause: string): (at: number) => string | undefined {
  let brackets: { open: number; name: string }[] | undefined;
  let next = 0;
  let scanned = 0;
  let closed = -1;
  return (at) => {
    brackets ??= [...clause.matchAll(BEFORE_MONTHLY)].flatMap((m) => {
      const name = GIVING.exec(m[1] ?? '')?.[1];
      return name === undefined ? [] : [{ open: (m.index ?? 0) + (m[1] ?? '').length, name }];
    });
    for (; scanned < at; scanned++) if (clause[scanned] === ')' || clause[scanned] === ')') closed = scanned;
    while (next < brackets.length && (brackets[next]?.open ?? 0) < closed) next++;
    const bracket = brackets[next];
    // The figure stands after the bracket's 每月.
    return bracket && bracket.open + 3 <= at ? bracket.name : undefined;
  };
}
