#!/usr/bin/env bash
# Regenerates src/styles/fonts/language-names-*.woff2: the glyphs of the language
# switcher's labels in Arabic and Devanagari script, cut from the Noto fonts the
# site self-hosts, so that a page in one script does not download a whole font
# of another just to name it (about 2 KB instead of 50 KB each).
# Run it after changing a label in src/i18n/locales.ts. Needs fontTools with
# brotli (Debian: apt-get install python3-fonttools python3-brotli); the build
# does not run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
fonts=node_modules/@fontsource
labels=$(node -e "import('./src/i18n/locales.ts').then(({ locales }) => console.log(Object.values(locales).map((l) => l.label).join('')))")
subset() { # source, output
  /usr/bin/python3 -m fontTools.subset "$1" --text="$labels" --layout-features='*' --flavor=woff2 \
    --no-hinting --desubroutinize --output-file="$2"
}
subset "$fonts/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2" src/styles/fonts/language-names-arabic.woff2
subset "$fonts/noto-sans/files/noto-sans-devanagari-400-normal.woff2" src/styles/fonts/language-names-devanagari.woff2
ls -l src/styles/fonts/
