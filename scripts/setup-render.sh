#!/bin/sh
# Installs what `npm run render-check` needs on a fresh Debian/Ubuntu machine: LibreOffice (Writer and
# Calc, without the GUI) to turn the exported .docx and .xlsx into PDF, poppler's pdftoppm to turn the
# PDF into PNG, and Noto CJK so that Chinese text has a font. Needs root (or sudo).
set -eu
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
