#!/usr/bin/env bash
# Regenerates the font subsets in src/styles/fonts/, cut from the Noto fonts that
# Fontsource ships (SIL Open Font License 1.1, which allows subsetting):
# - devanagari.woff2: Noto Sans Devanagari, the Devanagari block only (Fontsource's
#   subset adds Vedic signs and Devanagari Extended: 50 KB instead of 40 KB);
# - arabic.woff2: Noto Naskh Arabic, the letters, marks, digits and punctuation of
#   Arabic itself (12 KB instead of 52 KB: Fontsource's subset carries every
#   letter of Urdu, Persian, Sindhi and more, in all their joining forms);
#   global.css falls back to the full subset for any other Arabic-script letter;
# - language-names-*.woff2: the glyphs of the language switcher's labels in Arabic
#   and Devanagari script, so that a page in one script does not download a font
#   of another just to name it (about 2 KB each).
# Every subset keeps all OpenType layout features, so conjuncts and joining
# forms survive. Run it after upgrading Fontsource or changing a label in
# src/i18n/locales.ts, and keep the unicode-range in global.css in step with
# the ranges below. Needs fontTools with brotli (Debian: apt-get install
# python3-fonttools python3-brotli); the build does not run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
fonts=node_modules/@fontsource
out=src/styles/fonts
devanagari="$fonts/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2"
arabic="$fonts/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2"
subset() { # source, output, then what to keep (--text=… or --unicodes=…)
  /usr/bin/python3 -m fontTools.subset "$1" "$3" --layout-features='*' --flavor=woff2 \
    --no-hinting --desubroutinize --output-file="$2"
}
subset "$devanagari" "$out/devanagari.woff2" --unicodes=U+0900-097F,U+200C-200D,U+20B9,U+25CC
subset "$arabic" "$out/arabic.woff2" \
  --unicodes=U+060C,U+061B,U+061F,U+0621-063A,U+0640-0655,U+0660-066D,U+0670-0671,U+067E,U+0686,U+06A4,U+06A9,U+06AF,U+06CC,U+200C-200F,U+25CC
labels=$(node -e "import('./src/i18n/locales.ts').then(({ locales }) => console.log(Object.values(locales).map((l) => l.label).join('')))")
subset "$arabic" "$out/language-names-arabic.woff2" --text="$labels"
subset "$devanagari" "$out/language-names-devanagari.woff2" --text="$labels"
ls -l "$out"
