#!/bin/sh
# Renders a seed's exported .docx and .xlsx to PDF with LibreOffice and to PNG with pdftoppm, so that
# a person can look at the pages: title, headings, units clauses, page numbers, table borders and
# wrapping. Needs LibreOffice and poppler (scripts/setup-render.sh installs them).
# Usage: npm run render-check [-- <plan file> [<output folder>]]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
plan=${1:-"$root/seeds/003-qijiang-minsheng-2018-2020.plan.yaml"}
out=${2:-/tmp/planlint-render}
for tool in soffice pdftoppm pdffonts; do
  command -v "$tool" >/dev/null || { echo "render-check: $tool 未安装 / not installed; run scripts/setup-render.sh" >&2; exit 2; }
done
mkdir -p "$out"
rm -f "$out"/*.png "$out"/*.pdf
cd "$root"
npm run build --silent
# --force: the seeds keep their sources' mistakes, and the layout is what is being looked at.
node dist/cli.js export "$plan" --to docx -o "$out/document.docx" --force 2>/dev/null
node dist/cli.js export "$plan" --to xlsx -o "$out/table.xlsx" --force 2>/dev/null
# A profile of its own: a LibreOffice already running for the user would otherwise take the job.
soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf --outdir "$out" "$out/document.docx" "$out/table.xlsx" >/dev/null
pdftoppm -r 70 -png "$out/document.pdf" "$out/docx"
pdftoppm -r 70 -png "$out/table.pdf" "$out/xlsx"
echo "== fonts in the document's PDF (what this machine used) =="
pdffonts "$out/document.pdf"
echo "render-check: pages in $out: $(cd "$out" && ls *.png | tr '\n' ' ')"
