// The poverty-relief topic of a text, by counting the lexicon's words, and whether it is about poverty relief at all,
// by weighing its evidence sentence by sentence (both tables in loaders/data/topics.ts).
import {POVERTY_RELIEF_EVIDENCE, POVERTY_RELIEF_RULE, TOPIC_WORDS} from "./data/topics.js";
import * as sentencing from "./sentences.js";
import type {Topic} from "./types.js";
import * as words from "./words.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {sentences} = sentencing;
const {eachWord, wordCounter} = words;

const topics = Object.keys(TOPIC_WORDS) as Exclude<Topic, "other">[];
// Every topic's words and every evidence word in one list, counted in one pass over a text: each word adds to its
// topic's score (TOPIC_OF, -1 for an evidence word) or is evidence of its weight (WEIGHT_OF, 0 for a topic word). A
// word in both lists is two entries, each counted as its own list would count it.
const topicWords = topics.flatMap((topic) => TOPIC_WORDS[topic]);
const lexicon = wordCounter([...topicWords, ...POVERTY_RELIEF_EVIDENCE.map((e) => e.word)]);
// The topic words alone, for a text whose evidence is not asked for (a fact's sentence): a smaller trie to walk. Its
// indexes are the combined list's first ones.
const topicLexicon = wordCounter(topicWords);
const TOPIC_OF = Int8Array.from([
  ...topics.flatMap((topic, k) => TOPIC_WORDS[topic].map(() => k)),
  ...POVERTY_RELIEF_EVIDENCE.map(() => -1)
]);
const WEIGHT_OF = Uint8Array.from([...topicWords.map(() => 0), ...POVERTY_RELIEF_EVIDENCE.map((e) => e.weight)]);

/** What one pass over a text finds: hits per topic (in the contract's order of topics), and each evidence word's
 * start and weight, in order of start. */
interface Reading {
  counts: number[];
  starts: number[];
  weights: number[];
}

function read(text: string, evidence: boolean): Reading {
  const reading: Reading = {counts: new Array(topics.length).fill(0), starts: [], weights: []};
  eachWord(evidence ? lexicon : topicLexicon, text, (w, start) => {
    const topic = TOPIC_OF[w];
    if (topic >= 0) reading.counts[topic]++;
    else if (evidence) (reading.starts.push(start), reading.weights.push(WEIGHT_OF[w]));
  });
  return reading;
}

function scoresOf(counts: number[]): Map<Topic, number> {
  const scores = new Map<Topic, number>();
  topics.forEach((topic, k) => counts[k] > 0 && scores.set(topic, counts[k]));
  return scores;
}

/** Hits per topic, in the contract's order of topics; ties resolve to the topic listed first. */
export function topicScores(text: string): Map<Topic, number> {
  return scoresOf(read(text, false).counts);
}

/** The topic with the most hits, a title's counting double; ties resolve to the topic listed first. */
function topicOf(text: Reading, title: Reading | null): Topic {
  const scores = scoresOf(text.counts);
  if (title)
    for (const [topic, score] of scoresOf(title.counts)) scores.set(topic, (scores.get(topic) ?? 0) + 2 * score);
  let best: Topic = "other";
  let bestScore = 0;
  for (const [topic, score] of scores) if (score > bestScore) ((best = topic), (bestScore = score));
  return best;
}

export function classifyTopic(text: string, title = ""): Topic {
  return topicOf(read(text, false), title ? read(title, false) : null);
}

export interface PovertyReliefScore {
  /** The strongest evidence in the title, before TITLE_FACTOR. */
  title: number;
  /** Sum over the text's sentences of the strongest evidence in each. */
  text: number;
  /** Sentences of the text with any evidence, and all of them. */
  sentences: number;
  of: number;
}

function scoreOf(text: string, reading: Reading, title: Reading): PovertyReliefScore {
  let strongest = 0;
  for (const weight of title.weights) strongest = Math.max(strongest, weight);
  const score: PovertyReliefScore = {title: strongest, text: 0, sentences: 0, of: 0};
  // Each sentence takes the strongest evidence word that starts in it (a word holds no sentence-ending mark, so it
  // lies within one sentence).
  const {starts, weights} = reading;
  let h = 0;
  for (const {start, end} of sentences(text)) {
    while (h < starts.length && starts[h] < start) h++;
    let weight = 0;
    for (; h < starts.length && starts[h] < end; h++) weight = Math.max(weight, weights[h]);
    score.of++;
    if (weight) ((score.text += weight), score.sentences++);
  }
  return score;
}

export function povertyReliefScore(text: string, title = ""): PovertyReliefScore {
  return scoreOf(text, read(text, true), read(title, true));
}

function isRelief(score: PovertyReliefScore): boolean {
  const {MIN_EVIDENCE, TITLE_FACTOR, MIN_SHARE} = POVERTY_RELIEF_RULE;
  if (TITLE_FACTOR * score.title + score.text < MIN_EVIDENCE) return false;
  return score.title > 0 || score.sentences >= MIN_SHARE * score.of;
}

/** Whether an article is about poverty relief, by the evidence table and rule of loaders/data/topics.ts. */
export function isPovertyRelief(text: string, title = ""): boolean {
  return isRelief(povertyReliefScore(text, title));
}

/** An article's topic (classifyTopic) and whether it is about poverty relief (isPovertyRelief), from one pass over
 * its text and one over its title. */
export function articleTopic(text: string, title: string): {topic: Topic; povertyRelief: boolean} {
  const body = read(text, true);
  const head = read(title, true);
  return {topic: topicOf(body, title ? head : null), povertyRelief: isRelief(scoreOf(text, body, head))};
}
