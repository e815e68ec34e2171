import type { Formatter } from './common.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: an annotation per finding, on its file and span. */
export const github: Formatter = (reports, { lang }) => {
  const lines = reports.flatMap((r) =>
    r.findings.map((f) => {
      const props = [
        `file=${property(r.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
        `title=${property(`planlint ${f.ruleId}`)}`,
      ];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message[lang])}`;
    }),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
