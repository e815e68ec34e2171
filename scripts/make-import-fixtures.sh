#!/bin/sh
# Makes the .docx fixtures of a second producer, LibreOffice, for tests/import/libreoffice.test.ts:
# an HTML draft with automatic numbered lists and a responsibility table, an OpenDocument draft with
# Chinese outline numbering, and a plain-text draft,
# each converted with `soffice --headless --convert-to docx`. The results are committed, so that CI
# needs no office suite; run this again only to change them (needs libreoffice-writer-nogui).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/tests/import/fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/lo-numbered.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>民生实事工作方案</title></head><body>
<p>某区2024年民生实事工作方案</p>
<ol style="list-style-type: cjk-ideographic">
  <li>工作目标</li>
  <li>重点任务
    <ol>
      <li>新建公办幼儿园4所。(牵头单位:区教育局;责任单位:区住建局、区财政局)</li>
      <li>新增托位200个。(牵头单位:区卫健局)</li>
    </ol>
  </li>
  <li>保障措施</li>
</ol>
<table border="1">
  <thead><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr></thead>
  <tbody>
    <tr><td>1</td><td>新建公办幼儿园4所</td><td rowspan="2">区教育局</td><td>区住建局、区财政局</td><td>2024年12月底</td></tr>
    <tr><td>2</td><td>改善薄弱幼儿园9所</td><td>各街道</td><td>2024年底</td></tr>
    <tr><td>3</td><td colspan="4">完善工作机制</td></tr>
  </tbody>
</table>
</body></html>
HTML

cat > "$work/lo-plain.txt" <<'TXT'
某区2024年民生实事工作方案
一、工作目标
到2024年底,新增托位200个。
二、重点任务
(一)新建公办幼儿园4所。(牵头单位:区教育局)
TXT

# Chinese outline numbering (一、 / (一) / 1.) as a list style of a flat OpenDocument text, which
# LibreOffice writes to numbering.xml as chineseCounting levels.
cat > "$work/lo-chinese.fodt" <<'FODT'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <text:list-style style:name="L1">
   <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
   <text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="(" style:num-suffix=")"/>
   <text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="."/>
  </text:list-style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>某区2024年民生实事工作方案</text:p>
  <text:list text:style-name="L1">
   <text:list-item><text:p>工作目标</text:p></text:list-item>
   <text:list-item><text:p>重点任务</text:p>
    <text:list>
     <text:list-item><text:p>幼有善育</text:p>
      <text:list>
       <text:list-item><text:p>新增托位200个。(牵头单位:区卫健局)</text:p></text:list-item>
       <text:list-item><text:p>新建托育综合服务中心1家。</text:p></text:list-item>
      </text:list>
     </text:list-item>
     <text:list-item><text:p>学有优教</text:p>
      <text:list>
       <text:list-item><text:p>新建公办幼儿园4所。(牵头单位:区教育局)</text:p></text:list-item>
      </text:list>
     </text:list-item>
    </text:list>
   </text:list-item>
   <text:list-item><text:p>保障措施</text:p></text:list-item>
  </text:list>
 </office:text></office:body>
</office:document>
FODT

# A profile of its own, so that a desktop LibreOffice that is open does not take the conversion.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/lo-numbered.html" "$work/lo-plain.txt" "$work/lo-chinese.fodt" >/dev/null 2>&1
cp "$work/lo-numbered.docx" "$work/lo-plain.docx" "$work/lo-chinese.docx" "$out/"
ls -l "$out"
