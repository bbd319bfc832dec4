// Text for Framework's search index (MiniSearch) that finds any Chinese substring. MiniSearch splits on spaces and
// punctuation and the site's search matches query words as prefixes of indexed words (only their first 15
// characters count), so each run of Chinese characters is indexed as every one of its suffixes, cut to `length`:
// `贫困户增收` → `贫困户增收 困户增收 户增收 增收 收`, and `贫困户` or `户增` is a prefix of one of them.

const han = /[\p{Script=Han}]+/gu;

/** Words for the index: non-Chinese words as they are, Chinese runs as their suffixes of up to `length` characters. */
export function searchText(text, {length = 12} = {}) {
  const source = String(text ?? "");
  const words = new Set();
  for (const [run] of source.matchAll(han)) {
    const characters = Array.from(run);
    for (let i = 0; i < characters.length; i++) words.add(characters.slice(i, i + length).join(""));
  }
  const rest = source.replace(han, " ").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return [...words, rest].join(" ").trim();
}
