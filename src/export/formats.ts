// Apart from export.ts so that the CLI's argument parser names the formats without loading the
// document libraries, which only an export needs.
export const EXPORT_FORMATS = ['docx', 'xlsx'] as const;
/** What a plan exports to: the formatted document, or the responsibility table. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
