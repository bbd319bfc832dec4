// The poverty-relief topic of a text, by counting the lexicon's words (loaders/data/topics.ts).
import {POVERTY_RELIEF_WORDS, TOPIC_WORDS} from "./data/topics.js";
import type {Topic} from "./types.js";
import {countWords, wordCounter} from "./words.js";

const topics = Object.keys(TOPIC_WORDS) as Exclude<Topic, "other">[];
// Every topic's words in one list, counted in one pass; each topic sums the counts of its own stretch of the list.
const lexicon = wordCounter(topics.flatMap((topic) => TOPIC_WORDS[topic]));
const stretches = topics.map((topic, k) => {
  const start = topics.slice(0, k).reduce((n, t) => n + TOPIC_WORDS[t].length, 0);
  return {topic, start, end: start + TOPIC_WORDS[topic].length};
});

/** Hits per topic, in the contract's order of topics; ties resolve to the topic listed first. */
export function topicScores(text: string): Map<Topic, number> {
  const counts = countWords(lexicon, text);
  const scores = new Map<Topic, number>();
  for (const {topic, start, end} of stretches) {
    let score = 0;
    for (let w = start; w < end; w++) score += counts[w];
    if (score > 0) scores.set(topic, score);
  }
  return scores;
}

export function classifyTopic(text: string, title = ""): Topic {
  const scores = topicScores(text);
  for (const [topic, score] of topicScores(title)) scores.set(topic, (scores.get(topic) ?? 0) + 2 * score);
  let best: Topic = "other";
  let bestScore = 0;
  for (const [topic, score] of scores) if (score > bestScore) (best = topic), (bestScore = score);
  return best;
}

export function isPovertyRelief(text: string, title = ""): boolean {
  const whole = `${title}\n${text}`;
  return POVERTY_RELIEF_WORDS.some((word) => whole.includes(word));
}
