// Finds numbers written the English way in a page's text: "1,000", "500,000", "0.0", "92.58%", "15000000".
// Runs in the browser (page.evaluate): the text of every element, closed table views and SVG axes included,
// apart from code (parameter ids, commands), article numbers ("art. 5.13", "Kanttekeningen 1.1") and the build part
// of a version (0.1.0+661175601939, a commit hash that happens to be all digits).
export function engelseGetallen(): string[] {
  const patronen = [
    /(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])/g, // 1,000,000
    /(?:€\s?|[−-])\d{1,3},\d{3}(?![\d,])/g, // € 500,000, −50,000 (without a sign it may be a Dutch 99,892)
    /(?<![\d.,\w])\d+\.(?:\d{2}|0)(?![\d.])/g, // 92.58, 0.0
    /(?<![\d.,\w−:/=-])\d{5,}(?![\d.,\w])/g, // 15000000
  ];
  const artikel = /(art\.?|artikel|lid|bijlage|kanttekeningen|hoofdstuk|paragraaf|§|overweging|stap|versie|v|CC BY|staatscourant \d{4},)\s*[\d.]*$/i;
  const gevonden: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest("script, style, code, pre, kbd, [data-geen-nl-scan]")) continue;
    const t = (n.textContent ?? "").replace(/\u00a0/g, " ");
    for (const re of patronen) {
      for (const m of t.matchAll(re)) {
        const voor = t.slice(Math.max(0, (m.index ?? 0) - 24), m.index);
        if (artikel.test(voor)) continue;
        if (/\d+\.\d+\.\d+\+$/.test(voor)) continue; // a version's build part (0.1.0+661175601939: a commit hash of digits)
        gevonden.push(`${m[0]} in "${t.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 30).trim()}"`);
      }
    }
  }
  return gevonden;
}
