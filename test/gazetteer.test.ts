import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {HAN_RANGES, isHan} from "../loaders/chars.js";
import {PLACE_ALIASES, SHORT_FORM_STOPWORDS, VILLAGE_FIRST_EXTRA} from "../loaders/data/place-aliases.js";
import {COUNTY_STEM_WORDS, SHORT_FORM_GUARDS} from "../loaders/data/short-forms.js";
import {COMPOUND_SURNAMES, SURNAME_CHARS} from "../loaders/data/surnames.js";
import {ZONES} from "../loaders/data/zones.js";
import {cachedGazetteer, readCompact, writeCompact} from "../loaders/gazetteer-cache.js";
import {
  buildGazetteer,
  chainOf,
  isWithin,
  levelDepth,
  loadGazetteer,
  placePinyin,
  placeRows,
  prefectureCounts,
  shortHash,
  villageCore,
  villageName
} from "../loaders/gazetteer.js";
import {findPlaceMentions} from "../loaders/places/index.js";

const gazetteer = loadGazetteer();
const place = (code: string) => gazetteer.places.get(code)!;
const names = (code: string) => chainOf(gazetteer, place(code)).map((p) => p.name);

test("聊城 has its 8 counties and the register's 136 towns and streets, each with a 9-digit code", () => {
  const counts = prefectureCounts(gazetteer);
  assert.equal(counts.county, 8);
  const towns = [...gazetteer.places.values()].filter((p) => p.in_prefecture && p.level === "town");
  const registered = towns.filter((p) => p.registered);
  assert.equal(registered.length, 136);
  assert.ok(registered.every((p) => /^3715\d{5}$/.test(p.code)));
  assert.ok(counts.village > 2000, `villages: ${counts.village}`);
});

test("every town of the site's town map is in the gazetteer under its code", () => {
  const geo = JSON.parse(readFileSync(new URL("../src/geo/liaocheng-towns.geojson", import.meta.url), "utf8"));
  for (const {properties} of geo.features) assert.equal(place(properties.code)?.name, properties.name);
});

test("the zones carry project codes and administer their towns: 韩集镇 reports to 高新区", () => {
  assert.deepEqual(names("371502115"), ["山东省", "聊城市", "高新区", "韩集镇"]);
  assert.equal(place("371502115").county_code, "3715Z2");
  assert.equal(place("371502115").register_parent_code, "371502");
  assert.deepEqual(names("371502009"), ["山东省", "聊城市", "开发区", "东城街道"]);
  for (const zone of ZONES) {
    assert.equal(place(zone.code).level, "zone");
    assert.ok(zone.source.length > 0);
    const children = gazetteer.children.get(zone.code) ?? [];
    assert.ok(
      zone.towns.every((t) => !t.code || children.includes(t.code)),
      zone.name
    );
  }
});

test("the whole national register down to towns: 湖南省湘西州花垣县 and its towns", () => {
  assert.deepEqual(names("433124"), ["湖南省", "湘西土家族苗族自治州", "花垣县"]);
  assert.ok(gazetteer.forms.get("4331")!.includes("湘西州"));
  assert.ok((gazetteer.children.get("433124") ?? []).length > 5);
});

test("register villages are written as papers write them: 刘屯村委会 → 刘屯村, 单光屯社区居民委员会 → 单光屯社区", () => {
  assert.equal(villageName("刘屯村委会"), "刘屯村");
  assert.equal(villageName("单光屯社区居民委员会"), "单光屯社区");
  assert.equal(villageName("曹庄村村委会"), "曹庄村");
  assert.equal(villageCore("李堤口村"), "李堤口");
  assert.equal(villageCore("兴和新村"), "兴和新村");
  assert.deepEqual(names("371522114254"), ["山东省", "聊城市", "莘县", "妹冢镇", "刘屯村"]);
});

test("short forms by rule, variants by evidence, no short form for one character or a common word", () => {
  assert.ok(gazetteer.forms.get("371502")!.includes("东昌府"));
  assert.ok(gazetteer.forms.get("371581")!.includes("临清"));
  assert.deepEqual(gazetteer.forms.get("371522"), ["莘县"]);
  assert.ok(gazetteer.forms.get("371502100")!.includes("候营镇"));
  assert.ok(!gazetteer.forms.get("371503001")!.includes("振兴"));
  assert.ok(!gazetteer.forms.get("3711")!.includes("日照"));
});

test("isWithin follows parents and register parents: 韩集镇 is within 高新区 and 东昌府区, not 茌平区", () => {
  const hanji = place("371502115");
  assert.ok(isWithin(gazetteer, hanji, place("3715Z2")));
  assert.ok(isWithin(gazetteer, hanji, place("371502")));
  assert.ok(isWithin(gazetteer, hanji, place("37")));
  assert.ok(!isWithin(gazetteer, hanji, place("371503")));
  // Every parent is shallower than its child, which lets isWithin stop climbing at the ancestor's depth; and
  // isWithin agrees with a climb of both chains for the prefecture's places against every county-level unit.
  const up = (code: string | null) => (code ? gazetteer.places.get(code) : undefined);
  const ancestors = (p: typeof hanji | undefined): string[] =>
    p ? [p.code, ...ancestors(up(p.parent_code)), ...ancestors(up(p.register_parent_code))] : [];
  const local = [...gazetteer.places.values()].filter((p) => p.in_prefecture);
  const counties = local.filter((p) => p.level === "county" || p.level === "zone");
  for (const p of local) {
    for (const code of [p.parent_code, p.register_parent_code]) {
      if (code) assert.ok(levelDepth(place(code).level) < levelDepth(p.level), `${p.name} under ${code}`);
    }
    if (p.level !== "town") continue;
    const all = ancestors(p);
    for (const county of counties) {
      assert.equal(isWithin(gazetteer, p, county), all.includes(county.code), `${p.name} ${county.name}`);
    }
  }
});

test("pinyin: 莘县 → shen xian, 东阿县 → dong e xian", () => {
  assert.equal(placePinyin("莘县"), "shen xian");
  assert.equal(placePinyin("东阿县"), "dong e xian");
});

test("places rows hold the places used and their ancestors, ordered by code", () => {
  const rows = placeRows(gazetteer, [place("371502115")], {mentions: new Map([["371502115", 2]])});
  assert.deepEqual(
    rows.map((r) => [r.place_code, r.name, r.level, r.parent_code, r.county_code, r.mentions]),
    [
      ["37", "山东省", "province", null, null, 0],
      ["3715", "聊城市", "city", "37", null, 0],
      ["371502115", "韩集镇", "town", "3715Z2", "3715Z2", 2],
      ["3715Z2", "高新区", "zone", "3715", "3715Z2", 0]
    ]
  );
});

test("project codes are stable hashes", () => {
  // Pinned: a change of the hash renumbers every village the register lacks, in every saved table and link.
  assert.equal(shortHash("李堤口村"), "bzkmun");
  assert.equal(shortHash("徐山村"), "ju3yfl");
  assert.equal(findPlaceMentions("阳谷县张秋镇李堤口村", gazetteer).at(-1)?.place.code, "371521112Vbzkmun");
  assert.ok(gazetteer.places.has("3715Z2T4"), "九州街道, the fourth town of 高新区, which the register lacks");
  assert.notEqual(shortHash("李堤口村"), shortHash("徐山村"));
  assert.match(shortHash("李堤口村"), /^[0-9a-z]{6}$/);
});

test("the gazetteer is loaded once per prefecture", () => {
  assert.equal(loadGazetteer(), gazetteer);
  assert.equal(loadGazetteer({prefecture: "3715"}), gazetteer);
});

const duplicates = (items: string[]) => items.filter((item, i) => items.indexOf(item) !== i);

test("place data tables: no duplicates, no entry shadowed or dead", () => {
  assert.deepEqual(duplicates([...SURNAME_CHARS]), [], "surnames");
  assert.deepEqual(duplicates(COMPOUND_SURNAMES), [], "compound surnames");
  assert.deepEqual(
    [...VILLAGE_FIRST_EXTRA].filter((c) => SURNAME_CHARS.includes(c)),
    [],
    "extra village firsts"
  );
  assert.deepEqual(duplicates(PLACE_ALIASES.map((a) => `${a.code} ${a.alias}`)), [], "aliases");
  assert.deepEqual(
    PLACE_ALIASES.filter((a) => !gazetteer.places.has(a.code)),
    [],
    "aliases of unknown places"
  );
  // Every county stem listed as a word is the stem of a county named 县 (else the entry guards nothing), and no
  // stem the short-form stop list already holds.
  const stems = new Set([...gazetteer.places.values()].filter((p) => p.level === "county").map((p) => p.name));
  assert.deepEqual(
    [...COUNTY_STEM_WORDS].filter((w) => !stems.has(w + "县")),
    [],
    "stems of no county"
  );
  assert.deepEqual(
    [...COUNTY_STEM_WORDS].filter((w) => SHORT_FORM_STOPWORDS.has(w)),
    [],
    "listed twice"
  );
  // A guard word starts with a short form the gazetteer has, and is longer than it.
  const shortForms = new Set([...gazetteer.forms.values()].flat());
  const guarded = SHORT_FORM_GUARDS.filter(({word}) => [2, 3].some((n) => shortForms.has(word.slice(0, n))));
  assert.deepEqual(guarded.length, SHORT_FORM_GUARDS.length, "guards of no short form");
});

test("isHan is /\\p{Script=Han}/u on one code unit", () => {
  const han = /\p{Script=Han}/u;
  for (let c = 0; c < 0x10000; c++) assert.equal(isHan(c), han.test(String.fromCharCode(c)), c.toString(16));
  assert.ok(HAN_RANGES.length > 0);
});

// Built from the register once for the two tests below (a build takes a quarter of a second or more).
let fromRegister: ReturnType<typeof buildGazetteer> | null = null;
const built = () => (fromRegister ??= buildGazetteer("3715"));

test("the prebuilt compact gazetteer reads back as the one built from the register", () => {
  const read = readCompact(writeCompact(built()));
  // Compared as what the compact form stores (places, children, the trie and its values, the forms per place) and the
  // trie's index: a deep comparison of 44k places and 300k trie nodes takes seconds.
  const expected = writeCompact(built());
  const bytes = (array: Int32Array | null) => Buffer.from(array!.buffer, array!.byteOffset, array!.byteLength);
  for (const g of [read, gazetteer]) {
    assert.ok(writeCompact(g).equals(expected), "the stored gazetteer");
    assert.deepEqual([...g.children], [...built().children]);
    assert.ok(bytes(g.trie.root).equals(bytes(built().trie.root)), "root");
    assert.ok(bytes(g.trie.pairs).equals(bytes(built().trie.pairs)), "pairs");
  }
  assert.ok(!writeCompact(built()).equals(writeCompact({...built(), prefecture_name: "x"})), "the comparison can fail");
});

test("the compact gazetteer is built where missing, and again where damaged", () => {
  const dir = mkdtempSync(join(tmpdir(), "gazetteer-"));
  try {
    let builds = 0;
    const build = () => (builds++, built());
    const first = cachedGazetteer("3715", build, {dir});
    const [file] = readdirSync(join(dir, "gazetteer"));
    assert.match(file, /^3715-[0-9a-f]{24}\.bin$/);
    assert.equal(cachedGazetteer("3715", build, {dir}).places.size, first.places.size);
    assert.equal(builds, 1, "the second load reads the file");
    writeFileSync(join(dir, "gazetteer", file), "damaged");
    assert.equal(cachedGazetteer("3715", build, {dir}).places.size, first.places.size);
    assert.equal(builds, 2);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
