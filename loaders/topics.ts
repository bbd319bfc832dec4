// The poverty-relief topic of a text, by counting the lexicon's words, and whether it is about poverty relief at all,
// by weighing its evidence sentence by sentence (both tables in loaders/data/topics.ts).
import {POVERTY_RELIEF_EVIDENCE, POVERTY_RELIEF_RULE, TOPIC_WORDS} from "./data/topics.js";
import {sentences} from "./sentences.js";
import type {Topic} from "./types.js";
import {eachWord, wordCounter} from "./words.js";

const topics = Object.keys(TOPIC_WORDS) as Exclude<Topic, "other">[];
// Every topic's words in one list, counted in one pass; each word adds to its topic's score.
const lexicon = wordCounter(topics.flatMap((topic) => TOPIC_WORDS[topic]));
const topicOfWord = topics.flatMap((topic, k) => TOPIC_WORDS[topic].map(() => k));

/** Hits per topic, in the contract's order of topics; ties resolve to the topic listed first. */
export function topicScores(text: string): Map<Topic, number> {
  const counts: number[] = new Array(topics.length).fill(0);
  eachWord(lexicon, text, (w) => counts[topicOfWord[w]]++);
  const scores = new Map<Topic, number>();
  topics.forEach((topic, k) => counts[k] > 0 && scores.set(topic, counts[k]));
  return scores;
}

export function classifyTopic(text: string, title = ""): Topic {
  const scores = topicScores(text);
  if (title) for (const [topic, score] of topicScores(title)) scores.set(topic, (scores.get(topic) ?? 0) + 2 * score);
  let best: Topic = "other";
  let bestScore = 0;
  for (const [topic, score] of scores) if (score > bestScore) ((best = topic), (bestScore = score));
  return best;
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

const evidence = wordCounter(POVERTY_RELIEF_EVIDENCE.map((e) => e.word));

function strongestEvidence(s: string): number {
  let weight = 0;
  eachWord(evidence, s, (w) => (weight = Math.max(weight, POVERTY_RELIEF_EVIDENCE[w].weight)));
  return weight;
}

export function povertyReliefScore(text: string, title = ""): PovertyReliefScore {
  const score: PovertyReliefScore = {title: strongestEvidence(title), text: 0, sentences: 0, of: 0};
  // One pass over the text for the evidence words, then each sentence takes the strongest that starts in it (a
  // word holds no sentence-ending mark, so it lies within one sentence).
  const hits: {start: number; weight: number}[] = [];
  eachWord(evidence, text, (w, start) => hits.push({start, weight: POVERTY_RELIEF_EVIDENCE[w].weight}));
  let h = 0;
  for (const {start, end} of sentences(text)) {
    while (h < hits.length && hits[h].start < start) h++;
    let weight = 0;
    for (; h < hits.length && hits[h].start < end; h++) weight = Math.max(weight, hits[h].weight);
    score.of++;
    if (weight) ((score.text += weight), score.sentences++);
  }
  return score;
}

/** Whether an article is about poverty relief, by the evidence table and rule of loaders/data/topics.ts. */
export function isPovertyRelief(text: string, title = ""): boolean {
  const {MIN_EVIDENCE, TITLE_FACTOR, MIN_SHARE} = POVERTY_RELIEF_RULE;
  const score = povertyReliefScore(text, title);
  if (TITLE_FACTOR * score.title + score.text < MIN_EVIDENCE) return false;
  return score.title > 0 || score.sentences >= MIN_SHARE * score.of;
}
