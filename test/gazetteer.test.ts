import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {ZONES} from "../loaders/data/zones.js";
import {
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

test("every town of the shared town map is in the gazetteer under its code", {skip: !hasGeo()}, () => {
  const geo = JSON.parse(readFileSync("/work/shared/geo/liaocheng-towns.geojson", "utf8"));
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
    assert.ok(zone.towns.every((t) => !t.code || children.includes(t.code)), zone.name);
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
  assert.notEqual(shortHash("李堤口村"), shortHash("徐山村"));
  assert.match(shortHash("李堤口村"), /^[0-9a-z]{6}$/);
});

test("the gazetteer is loaded once per prefecture", () => {
  assert.equal(loadGazetteer(), gazetteer);
  assert.equal(loadGazetteer({prefecture: "3715"}), gazetteer);
});

function hasGeo(): boolean {
  try {
    readFileSync("/work/shared/geo/liaocheng-towns.geojson");
    return true;
  } catch {
    return false;
  }
}
